import { describe, expect, it } from 'vitest';
import { makeReply, helpReply } from '../../src/core/replies.ts';
import type { Flag, Part, Reply } from '../../src/core/types.ts';
import { renderReply } from '../../adapters/slack/render.ts';
import { escapeSlack, splitEscaped } from '../../adapters/slack/escape.ts';
import { fromActionId } from '../../adapters/slack/action-ids.ts';

const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });

const flag: Flag = {
  category: 'nightlife',
  ruleId: 'nightlife.hungover',
  start: 3,
  end: 11,
  words: 'hungover',
  message: 'May read as partying on a work night.',
  why: 'Recruiters cite drinking among the top reasons not to hire.',
  suggestion: 'Leave out the hangover, or keep it to close friends.',
  severity: 'medium',
  audience: 'personal',
};
const flagValue = JSON.stringify({ category: 'nightlife', ruleId: 'nightlife.hungover', term: 'hungover' }); // nothing to escape

describe('renderReply', () => {
  it('renders the help reply as header, bullets, note and buttons', () => {
    expect(renderReply(helpReply())).toEqual([
      {
        text: escapeSlack(helpReply().text),
        blocks: [
          { type: 'header', text: plain('social-check helps you keep the personal and the professional apart online') },
          {
            type: 'section',
            text: plain(
              [
                '• Paste a draft post: I point out words that could hurt your career, explain why, suggest a safer version and say who it suits (everyone, close friends only, or nobody).',
                '• Ask a question: "should I accept my boss\'s friend request?", "what counts as confidential?"',
                '• quiz: six questions that recommend a strategy (Open, Audience, Content or Custom).',
                '• strategy: see or change your strategy, so reviews fit how you post.',
                '• review &lt;draft&gt; or ask &lt;question&gt;: when you want to say which one you mean.',
              ].join('\n'),
            ),
          },
          { type: 'context', elements: [plain('Your drafts are checked in memory and never stored, logged or shared.')] },
          {
            type: 'actions',
            elements: [
              { type: 'button', action_id: 'sc:quiz:0', text: plain('Take the strategy quiz'), style: 'primary' },
              { type: 'button', action_id: 'sc:topic:1', text: plain('The four strategies'), value: 'strategies' },
              { type: 'button', action_id: 'sc:topic:2', text: plain('How to check a draft'), value: 'review-howto' },
            ],
          },
        ],
      },
    ]);
  });

  it('renders a review: verdict, the quoted draft, a flag with its buttons, links', () => {
    const parts: Part[] = [
      { type: 'heading', text: 'Review of your draft' },
      { type: 'verdict', verdict: 'caution', audience: 'personal', summary: 'One thing to fix before LinkedIn.' },
      { type: 'quote', text: 'So hungover\n#mondays' },
      {
        type: 'flag',
        flag,
        actions: [
          { label: 'Ignore this word for me', action: { id: 'ignore-term', value: flagValue } },
          { label: 'Not a problem (report)', action: { id: 'report-false-positive', value: flagValue } },
        ],
      },
      { type: 'links', links: [{ text: 'Research & sources', url: 'https://example.org/a?b=1&c=2' }, { text: 'not a url', url: 'javascript:alert(1)' }] },
    ];
    const reply = makeReply('review', parts);
    expect(renderReply(reply)).toEqual([
      {
        text: escapeSlack(reply.text),
        blocks: [
          { type: 'header', text: plain('Review of your draft') },
          { type: 'section', text: plain('⚠️ Caution: keep it to a personal circle (close friends, a private list)\nOne thing to fix before LinkedIn.') },
          { type: 'section', text: plain('│ So hungover\n│ #mondays') },
          {
            type: 'section',
            text: plain(
              'Nightlife: “hungover”\nMay read as partying on a work night.\nWhy: Recruiters cite drinking among the top reasons not to hire.\nInstead: Leave out the hangover, or keep it to close friends.',
            ),
          },
          {
            type: 'actions',
            elements: [
              { type: 'button', action_id: 'sc:ignore-term:0', text: plain('Ignore this word for me'), value: flagValue },
              { type: 'button', action_id: 'sc:report-false-positive:1', text: plain('Not a problem (report)'), value: flagValue },
            ],
          },
          {
            type: 'context',
            elements: [
              { type: 'mrkdwn', text: '<https://example.org/a?b=1&amp;c=2|Research &amp; sources>', verbatim: true },
              plain('not a url: javascript:alert(1)'),
            ],
          },
        ],
      },
    ]);
  });

  it('escapes pings, links and entities in everything it echoes', () => {
    const hostile = 'review: <!channel> <!here> <@U123> check *this* out <https://evil.example|click> &amp; done';
    const reply = makeReply('review', [
      { type: 'heading', text: hostile },
      { type: 'quote', text: hostile },
      { type: 'bullets', items: [hostile] },
      { type: 'choices', label: hostile, choices: [{ label: '<!everyone>', action: { id: 'answer-as-question', value: hostile } }] },
    ]);
    const escaped = 'review: &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; check *this* out &lt;https://evil.example|click&gt; &amp;amp; done';
    const [message] = renderReply(reply);
    expect(message).toEqual({
      text: escapeSlack(reply.text),
      blocks: [
        { type: 'header', text: plain(escaped) },
        { type: 'section', text: plain(`│ ${escaped}`) },
        { type: 'section', text: plain(`• ${escaped}`) },
        { type: 'section', text: plain(escaped) },
        // Even a button's value (data, never shown) carries no markup; it comes back unescaped.
        { type: 'actions', elements: [{ type: 'button', action_id: 'sc:answer-as-question:0', text: plain('&lt;!everyone&gt;'), value: escaped }] },
      ],
    });
    const json = JSON.stringify(message);
    for (const forbidden of ['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<https://evil.example|click>']) expect(json).not.toContain(forbidden);
    expect(fromActionId('sc:answer-as-question:0', escaped)).toEqual({ id: 'answer-as-question', value: hostile });
  });

  it('trims a header to 150 and a button label to 75 characters, with an ellipsis', () => {
    const reply = makeReply('answer', [
      { type: 'heading', text: 'h'.repeat(200) },
      { type: 'choices', choices: [{ label: 'b'.repeat(100), action: { id: 'topic', value: 'strategies' } }] },
    ]);
    expect(renderReply(reply)[0]!.blocks).toEqual([
      { type: 'header', text: plain(`${'h'.repeat(149)}…`) },
      { type: 'actions', elements: [{ type: 'button', action_id: 'sc:topic:0', text: plain(`${'b'.repeat(74)}…`), value: 'strategies' }] },
    ]);
  });

  it('falls back to the review form when a draft is too long to ride on a button', () => {
    const draft = `${'word '.repeat(500)}end`;
    const reply = makeReply('disambiguate', [
      {
        type: 'choices',
        choices: [
          { label: 'Review this as a post', action: { id: 'review-as-post', value: draft }, style: 'primary' },
          { label: 'Answer as a question', action: { id: 'answer-as-question', value: draft } },
        ],
      },
    ]);
    expect(renderReply(reply)[0]!.blocks).toEqual([
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'sc:open-review:0', text: plain('Review this as a post'), style: 'primary' },
          { type: 'button', action_id: 'sc:answer-as-question:1', text: plain('Answer as a question'), value: 'word '.repeat(400).trimEnd() },
        ],
      },
    ]);
  });

  it('splits a long paragraph into sections of at most 3,000 characters at sentence breaks', () => {
    const sentence = `${'x'.repeat(48)}. `; // 50 characters
    const text = sentence.repeat(130).trim();
    const blocks = renderReply(makeReply('answer', [{ type: 'paragraph', text }]))[0]!.blocks;
    expect(blocks).toEqual([
      { type: 'section', text: plain(sentence.repeat(60).trim()) },
      { type: 'section', text: plain(sentence.repeat(60).trim()) },
      { type: 'section', text: plain(sentence.repeat(10).trim()) },
    ]);
  });

  it('shortens an echoed draft longer than 2,800 characters and says so', () => {
    const draft = 'a'.repeat(5000);
    expect(renderReply(makeReply('review', [{ type: 'quote', text: draft }]))[0]!.blocks).toEqual([
      { type: 'section', text: plain(`│ ${'a'.repeat(2797)}…`) },
      { type: 'context', elements: [plain('Your text is shown shortened (5,000 characters); the review covers all of it.')] },
    ]);
  });

  it('keeps a draft of many short lines within the section limit, bars included', () => {
    // A LinkedIn-style post: one short line after another (2,600 characters, 500 lines).
    const draft = Array.from({ length: 500 }, (_, index) => `line ${index % 10}`).join('\n').slice(0, 2_600);
    const [section, note] = renderReply(makeReply('review', [{ type: 'quote', text: draft }]))[0]!.blocks as Array<{ text?: { text: string } }>;
    expect(section!.text!.text.length).toBeLessThanOrEqual(3_000);
    expect(section!.text!.text.startsWith('│ line 0\n│ line 1\n')).toBe(true);
    expect(note).toEqual({ type: 'context', elements: [plain('Your text is shown shortened (2,600 characters); the review covers all of it.')] });
  });

  it('splits a reply of more than 50 blocks into messages, keeping a flag with its buttons', () => {
    const flagPart: Part = { type: 'flag', flag, actions: [{ label: 'Ignore this word for me', action: { id: 'ignore-term', value: flagValue } }] };
    const parts: Part[] = [{ type: 'heading', text: 'Review' }, ...Array.from({ length: 30 }, () => flagPart)];
    const messages = renderReply(makeReply('review', parts));
    expect(messages.map((message) => message.blocks.length)).toEqual([49, 12]);
    expect(messages[1]!.blocks[0]).toEqual(messages[0]!.blocks[1]);
    expect(messages[1]!.blocks[1]).toEqual({
      type: 'actions',
      elements: [{ type: 'button', action_id: 'sc:ignore-term:24', text: plain('Ignore this word for me'), value: flagValue }],
    });
    expect(messages[1]!.text).toEqual(escapeSlack(Array.from({ length: 6 }, () => makeReply('review', [flagPart]).text).join('\n\n')));
    const ids = messages.flatMap((message) => message.blocks.flatMap((block) => (block.type === 'actions' ? block.elements.map((e) => e.action_id) : [])));
    expect(new Set(ids).size).toBe(30);
  });

  it('cuts a reply longer than the message budget with a note', () => {
    const parts: Part[] = Array.from({ length: 120 }, (_, index) => ({ type: 'paragraph', text: `Paragraph ${index}` }));
    const messages = renderReply(makeReply('answer', parts), { maxMessages: 2 });
    expect(messages).toHaveLength(2);
    expect(messages[1]!.blocks).toHaveLength(50);
    expect(messages[1]!.blocks[49]).toEqual({
      type: 'context',
      elements: [plain('This reply was too long for Slack, so the rest was left out. Check a shorter text, or split it into parts.')],
    });
    expect(messages[1]!.blocks[48]).toEqual({ type: 'section', text: plain('Paragraph 98') });
  });

  it('renders an empty reply as its text', () => {
    const reply: Reply = { kind: 'notice', text: 'Done & dusted', parts: [] };
    expect(renderReply(reply)).toEqual([{ text: 'Done &amp; dusted', blocks: [{ type: 'section', text: plain('Done &amp; dusted') }] }]);
  });
});

describe('splitEscaped', () => {
  it('never cuts an entity and loses nothing', () => {
    const text = '&'.repeat(12);
    const pieces = splitEscaped(text, 10);
    expect(pieces).toEqual(['&amp;&amp;', '&amp;&amp;', '&amp;&amp;', '&amp;&amp;', '&amp;&amp;', '&amp;&amp;']);
  });
});

describe('fromActionId', () => {
  it('maps sc:<id>:<n> back to the core action and rejects unknown ids', () => {
    expect(fromActionId('sc:quiz:3', 'real.yes')).toEqual({ id: 'quiz', value: 'real.yes' });
    expect(fromActionId('sc:help:0', undefined)).toEqual({ id: 'help', value: '' });
    expect(fromActionId('sc:drop-tables:0', 'x')).toBeUndefined();
    expect(fromActionId('other', 'x')).toBeUndefined();
  });
});
