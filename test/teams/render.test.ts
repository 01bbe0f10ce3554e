import { describe, expect, test } from 'vitest';
import { buttonTitle, escapeMarkdown, neutralizeMentions } from '../../adapters/teams/card-text.ts';
import { chunkText, MAX_CARD_BYTES, MAX_SUBMIT_VALUE, OPEN_REVIEW_FORM_ACTION, renderReply } from '../../adapters/teams/render.ts';
import { dialogCard, draftFormCard } from '../../adapters/teams/task-cards.ts';
import { disambiguateReply, makeReply } from '../../src/core/replies.ts';
import type { Flag, Reply } from '../../src/core/types.ts';

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

const FLAG: Flag = {
  category: 'nightlife',
  ruleId: 'nightlife.hangover',
  start: 3,
  end: 11,
  words: 'hungover',
  message: 'may read as partying on a work night.',
  why: 'Recruiters cite drinking photos and posts among top reasons to pass on a candidate.',
  suggestion: 'Say you are tired, or keep it to close friends.',
  severity: 'medium',
  audience: 'personal',
};

describe('escapeMarkdown', () => {
  // Each case: plain text in, TextBlock text out that displays the same characters.
  test.each([
    ['plain words stay as they are', 'Proud of my team today!', 'Proud of my team today!'],
    ['bold and italic markers are escaped', 'check *this* and _that_', 'check \\*this\\* and \\_that\\_'],
    ['a Markdown link cannot be formed', '[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['angle brackets stay (cards render no HTML; an autolink shows its address)', 'review <draft> -> done', 'review <draft> -> done'],
    ['a quote marker at a line start is escaped', '> quoted', '\\> quoted'],
    ['a list marker at a line start is escaped', '- one\n+ two\n1. three', '\\- one\n\\+ two\n1\\. three'],
    ['a hyphen inside a line is left alone', 'well-known 2-3 pm', 'well-known 2-3 pm'],
    ['a heading marker is escaped', '# Big news', '\\# Big news'],
    ['backslashes themselves are escaped', 'C:\\temp', 'C:\\\\temp'],
    ['a Teams mention becomes plain @name', '<at>Megan Bowen</at> look', '@Megan Bowen look'],
    ['a stray mention tag is dropped', 'hi <at id="0">', 'hi '],
  ])('%s', (_why, input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  test('neutralizeMentions leaves other text untouched', () => {
    expect(neutralizeMentions('a <b>c</b> <at>X</at>')).toBe('a <b>c</b> @X');
  });

  test('button titles are one line, without mentions, and bounded', () => {
    expect(buttonTitle('  Share\n<at>Bob</at>  ')).toBe('Share @Bob');
    expect(buttonTitle('x'.repeat(100))).toBe(`${'x'.repeat(79)}…`);
  });
});

describe('renderReply', () => {
  test('every part type, as one whole card', () => {
    const reply = makeReply('review', [
      { type: 'heading', text: 'Your draft' },
      { type: 'verdict', verdict: 'caution', audience: 'personal', summary: 'One thing to look at.' },
      { type: 'quote', text: 'So hungover <at>Bob</at> *lol*' },
      { type: 'flag', flag: FLAG, actions: [{ label: 'Ignore "hungover"', action: { id: 'ignore-term', value: '{"term":"hungover"}' } }] },
      { type: 'paragraph', text: 'Advice: keep it [private].' },
      { type: 'bullets', items: ['one', 'two'] },
      { type: 'links', links: [{ text: 'Policy', url: 'https://example.com/policy' }, { text: 'Bad', url: 'javascript:alert(1)' }] },
      { type: 'note', text: 'Never stored.' },
      {
        type: 'choices',
        label: 'Next?',
        choices: [
          { label: 'Quiz', action: { id: 'quiz', value: '' }, style: 'primary' },
          { label: 'Delete', action: { id: 'help', value: 'x' }, style: 'danger' },
        ],
      },
    ]);
    expect(renderReply(reply)).toEqual([
      {
        type: 'AdaptiveCard',
        $schema: SCHEMA,
        version: '1.5',
        msteams: { width: 'Full' },
        body: [
          { type: 'TextBlock', text: 'Your draft', wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' },
          {
            type: 'Container',
            style: 'warning',
            items: [
              { type: 'TextBlock', text: 'Post with care', wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' },
              { type: 'TextBlock', text: 'Fits a personal circle only: close friends, a private list.', wrap: true, spacing: 'Small' },
              { type: 'TextBlock', text: 'One thing to look at.', wrap: true, spacing: 'Small' },
            ],
          },
          {
            type: 'Container',
            style: 'emphasis',
            items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'So hungover @Bob *lol*', italic: true }] }],
          },
          {
            type: 'Container',
            separator: true,
            items: [
              {
                type: 'RichTextBlock',
                inlines: [
                  { type: 'TextRun', text: 'Nightlife: ', weight: 'Bolder', color: 'Warning' },
                  { type: 'TextRun', text: '“hungover”', highlight: true },
                  { type: 'TextRun', text: ' may read as partying on a work night.' },
                ],
              },
              { type: 'TextBlock', text: 'Why: Recruiters cite drinking photos and posts among top reasons to pass on a candidate.', wrap: true, spacing: 'Small' },
              { type: 'TextBlock', text: 'Instead: Say you are tired, or keep it to close friends.', wrap: true, spacing: 'Small' },
              {
                type: 'ActionSet',
                actions: [{ type: 'Action.Submit', title: 'Ignore "hungover"', data: { sc: 'ignore-term', v: '{"term":"hungover"}' } }],
              },
            ],
          },
          { type: 'TextBlock', text: 'Advice: keep it \\[private\\].', wrap: true },
          { type: 'TextBlock', text: '• one', wrap: true, spacing: 'Small' },
          { type: 'TextBlock', text: '• two', wrap: true, spacing: 'Small' },
          { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Policy', url: 'https://example.com/policy' }] },
          { type: 'TextBlock', text: 'Bad: javascript:alert(1)', wrap: true },
          { type: 'TextBlock', text: 'Never stored.', wrap: true, isSubtle: true, size: 'Small' },
          { type: 'TextBlock', text: 'Next?', wrap: true },
          {
            type: 'ActionSet',
            actions: [
              { type: 'Action.Submit', title: 'Quiz', data: { sc: 'quiz', v: '' }, style: 'positive' },
              { type: 'Action.Submit', title: 'Delete', data: { sc: 'help', v: 'x' }, style: 'destructive' },
            ],
          },
        ],
      },
    ]);
  });

  test('a flag whose message quotes its words highlights them in place, once', () => {
    const flag: Flag = { ...FLAG, severity: 'high', message: '"hungover" may read as heavy drinking.' };
    const [card] = renderReply(makeReply('review', [{ type: 'flag', flag, actions: [] }]));
    expect(card!.body).toEqual([
      {
        type: 'Container',
        separator: true,
        items: [
          {
            type: 'RichTextBlock',
            inlines: [
              { type: 'TextRun', text: 'Nightlife: ', weight: 'Bolder', color: 'Attention' },
              { type: 'TextRun', text: '“hungover”', highlight: true },
              { type: 'TextRun', text: ' may read as heavy drinking.' },
            ],
          },
          { type: 'TextBlock', text: 'Why: Recruiters cite drinking photos and posts among top reasons to pass on a candidate.', wrap: true, spacing: 'Small' },
          { type: 'TextBlock', text: 'Instead: Say you are tired, or keep it to close friends.', wrap: true, spacing: 'Small' },
        ],
      },
    ]);
  });

  test('a reply asking for the draft form gets a button that opens the task module', () => {
    const reply = makeReply('notice', [{ type: 'paragraph', text: 'Paste the draft you want checked.' }], { openReviewForm: true });
    expect(renderReply(reply)).toEqual([
      {
        type: 'AdaptiveCard',
        $schema: SCHEMA,
        version: '1.5',
        msteams: { width: 'Full' },
        body: [
          { type: 'TextBlock', text: 'Paste the draft you want checked.', wrap: true },
          {
            type: 'ActionSet',
            actions: [
              { type: 'Action.Submit', title: 'Open the draft form', data: { msteams: { type: 'task/fetch' }, sc: 'open-review', v: '' }, style: 'positive' },
            ],
          },
        ],
      },
    ]);
  });

  test('more than five buttons are split into rows Teams can show', () => {
    const choices = Array.from({ length: 7 }, (_, index) => ({ label: `T${index}`, action: { id: 'topic' as const, value: `t${index}` } }));
    const [card] = renderReply(makeReply('answer', [{ type: 'choices', choices }]));
    expect(card!.body.map((element) => (element.type === 'ActionSet' ? element.actions.length : 0))).toEqual([5, 2]);
  });

  test('a review of the longest draft is split into cards that each fit Teams', () => {
    const words = Array.from({ length: 12_000 }, (_, index) => `w${index}`);
    const draft = words.join(' ').slice(0, 63_206);
    const flags = Array.from({ length: 40 }, (_, index) => ({ type: 'flag' as const, flag: { ...FLAG, ruleId: `r${index}` }, actions: [] }));
    const reply: Reply = makeReply('review', [{ type: 'heading', text: 'Your draft' }, { type: 'quote', text: draft }, ...flags]);
    const cards = renderReply(reply);
    expect(cards.length).toBeGreaterThan(2);
    for (const card of cards) expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES + 200);
    // Nothing lost, in order: the quote's runs put back together give the draft's words.
    const quoted = cards
      .flatMap((card) => card.body)
      .filter((element) => element.type === 'Container' && element.style === 'emphasis')
      .map((element) => (element as { items: Array<{ inlines: Array<{ text: string }> }> }).items[0]!.inlines[0]!.text)
      .join(' ');
    expect(quoted).toBe(draft);
    expect(cards[1]!.body[0]).toEqual({ type: 'TextBlock', text: `Continued (part 2 of ${cards.length})`, wrap: true, isSubtle: true, size: 'Small' });
  });

  test('chunkText cuts at spaces and never splits an emoji', () => {
    expect(chunkText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    const emoji = '🍺'.repeat(10);
    expect(chunkText(emoji, 5).join('')).toBe(emoji);
    for (const piece of chunkText(emoji, 5)) expect(piece).toMatch(/^(?:🍺)+$/u);
  });
});

describe('dialog cards', () => {
  test('the draft form: a multiline input, a platform choice and one submit', () => {
    const card = draftFormCard();
    expect(card.body.map((element) => element.type)).toEqual(['TextBlock', 'TextBlock', 'Input.Text', 'Input.ChoiceSet']);
    expect(card.body[2]).toEqual({
      type: 'Input.Text',
      id: 'draft',
      label: 'Your draft',
      isMultiline: true,
      maxLength: 63_206,
      placeholder: 'Paste the post you are about to publish',
      isRequired: true,
      errorMessage: 'Paste the draft you want checked.',
    });
    expect(card.actions).toEqual([{ type: 'Action.Submit', title: 'Check my draft', data: { sc: 'draft-form', v: '' }, style: 'positive' }]);
  });

  test('a review too long for one dialog drops the echoed draft first', () => {
    const reply = makeReply('review', [
      { type: 'verdict', verdict: 'ok', audience: 'everyone', summary: '' },
      { type: 'quote', text: 'x '.repeat(30_000) },
    ]);
    expect(dialogCard(reply)).toEqual({
      type: 'AdaptiveCard',
      $schema: SCHEMA,
      version: '1.5',
      msteams: { width: 'Full' },
      body: [
        {
          type: 'Container',
          style: 'good',
          items: [
            { type: 'TextBlock', text: 'Looks fine to post', wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' },
            { type: 'TextBlock', text: 'Fits everyone: professional and personal networks alike.', wrap: true, spacing: 'Small' },
          ],
        },
      ],
      actions: [{ type: 'Action.Submit', title: 'Check another draft', data: { sc: 'open-review', v: '' } }],
    });
  });
});

describe('buttons that would carry a long text', () => {
  test('"review this as a post" opens the draft form; "answer as a question" carries the start of it; the card fits', () => {
    const text = 'Is it fine to say this? '.repeat(1_000).trim();
    const cards = renderReply(disambiguateReply(text));
    expect(cards).toHaveLength(1);
    expect(Buffer.byteLength(JSON.stringify(cards[0]))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const actions = JSON.parse(JSON.stringify(cards[0]!.body)).flatMap((element: { actions?: unknown[] }) => element.actions ?? []);
    expect(actions[0]).toEqual({ ...OPEN_REVIEW_FORM_ACTION, title: 'Review this as a post' });
    expect(actions[1].data.sc).toBe('answer-as-question');
    expect(actions[1].data.v.length).toBeLessThanOrEqual(MAX_SUBMIT_VALUE);
    expect(text.startsWith(actions[1].data.v)).toBe(true);
  });

  test('a short text rides on both buttons unchanged', () => {
    const cards = renderReply(disambiguateReply('Is it fine to post about my new job?'));
    const actions = JSON.parse(JSON.stringify(cards[0]!.body)).flatMap((element: { actions?: unknown[] }) => element.actions ?? []);
    expect(actions.map((action: { data: unknown }) => action.data)).toEqual([
      { sc: 'review-as-post', v: 'Is it fine to post about my new job?' },
      { sc: 'answer-as-question', v: 'Is it fine to post about my new job?' },
    ]);
  });
});
