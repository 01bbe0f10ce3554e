import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import { createCore, MAX_TEXT_LENGTH } from '../../src/core/create-core.ts';
import type { ManagerDesk } from '../../src/core/ports.ts';
import { makeReply } from '../../src/core/replies.ts';
import { routeText } from '../../src/core/route-text.ts';
import type { InboundMessage, Reply } from '../../src/core/types.ts';
import { trainQuestionModel } from '../../src/qa/answer-question.ts';
import { MemoryPrefsStore } from '../shared/memory-prefs-store.ts';

const content = loadContent();
const model = trainQuestionModel(content);
const NOW = new Date('2026-11-24T09:00:00Z');

function setup(options: { manager?: ManagerDesk } = {}) {
  const store = new MemoryPrefsStore();
  const core = createCore({ content, model, store, clock: () => NOW, ...options });
  const send = (text: string, extra: Partial<InboundMessage> = {}): Promise<Reply> =>
    core.handle({ platform: 'slack', user: { id: 'U1' }, conversation: { id: 'D1', kind: 'direct' }, text, private: true, ...extra });
  return { core, store, send };
}

describe('routing free text', () => {
  // Valid/invalid table: what reads as a question, a draft, or either.
  it.each([
    ['should I accept my boss on facebook?', 'question'],
    ['what counts as confidential', 'question'],
    ['boss friend request', 'question'],
    ['Just landed in Lisbon for a week of sun 🌞 #vacation', 'draft'],
    ['So proud of my team for shipping the new dashboard today! Months of work, and it shows. #engineering #teamwork', 'draft'],
    ['review: my boss is great', 'draft'],
    ['is this ok to post: heading to the pub after work', 'draft'],
  ])('%j → %s', (text, route) => {
    expect(routeText(text).route).toBe(route);
  });

  it('strips a "review:" prefix from the draft', () => {
    expect(routeText('check this: off to Paris tomorrow').text).toBe('off to Paris tomorrow');
  });
});

describe('the core entry point', () => {
  it('answers a question with the topic, related topics as buttons, and its confidence', async () => {
    const { send } = setup();
    const reply = await send('my manager sent me a friend request on facebook, should i accept?');
    expect(reply.kind).toBe('answer');
    expect(reply.meta?.topic).toBe('friend-request-manager');
    expect(reply.meta?.confidence).toBeGreaterThan(0.3);
    const related = reply.parts.find((part) => part.type === 'choices');
    expect(related?.type === 'choices' && related.choices.every((choice) => choice.action.id === 'topic')).toBe(true);
    expect(reply.text).toContain('Next step:');
  });

  it('says kindly what it can help with when a question is out of scope', async () => {
    const { send } = setup();
    const reply = await send('what is a good recipe for lasagna?');
    expect(reply.kind).toBe('out-of-scope');
    expect(reply.meta?.topic).toBe('out-of-scope');
    expect(reply.text).toContain("I'd rather not guess");
    expect(reply.text).toContain('Take the strategy quiz');
  });

  it.each(['help', 'HELP', 'hi', ''])('shows help for %j', async (text) => {
    const { send } = setup();
    expect((await send(text)).kind).toBe('help');
  });

  it('runs the quiz through actions and saves the chosen strategy', async () => {
    const { send, store } = setup();
    expect((await send('quiz')).kind).toBe('quiz-step');
    const result = await send('', { action: { id: 'quiz', value: 'mix.depends.gladly.often.middle.personal' } });
    expect(result.kind).toBe('quiz-result');
    const saved = await send('', { action: { id: 'set-strategy', value: 'custom' } });
    expect(saved.text).toContain('Saved: your strategy is Custom');
    expect((await store.getPrefs({ platform: 'slack', userId: 'U1' })).strategy).toBe('custom');
    const shown = await send('strategy');
    expect(shown.kind).toBe('strategy');
    expect(shown.text).toContain('Your strategy: Custom');
  });

  it('sets a strategy by command', async () => {
    const { send, store } = setup();
    await send('strategy Content');
    expect((await store.getPrefs({ platform: 'slack', userId: 'U1' })).strategy).toBe('content');
  });

  it('offers both readings when it cannot tell a draft from a question', async () => {
    const { send } = setup();
    const reply = await send('my boss is great');
    expect(reply.kind).toBe('disambiguate');
    expect(reply.parts).toContainEqual({
      type: 'choices',
      choices: [
        { label: 'Review this as a post', action: { id: 'review-as-post', value: 'my boss is great' }, style: 'primary' },
        { label: 'Answer as a question', action: { id: 'answer-as-question', value: 'my boss is great' } },
      ],
    });
  });

  it('does not review a draft pasted in a public channel, and does not echo it', async () => {
    const { send, store } = setup();
    const draft = 'So hungover today 🍻 #mondays, the worst. Canary-7731';
    const reply = await send(draft, { conversation: { id: 'C1', kind: 'channel' }, private: false });
    expect(reply.kind).toBe('notice');
    expect(reply.meta?.draftInPublic).toBe(true);
    expect(reply.text).not.toContain('Canary-7731');
    expect(store.reviews).toEqual([]);
  });

  it('records an anonymous review statistic: categories and verdict, no text, no user', async () => {
    const { send, store } = setup();
    await send('Canary-9921 what a day', { mode: 'review' });
    expect(store.reviews).toHaveLength(1);
    expect(JSON.stringify(store.reviews)).not.toContain('Canary-9921');
    expect(JSON.stringify(store.reviews)).not.toContain('U1');
    expect(store.reviews[0]!.at).toEqual(NOW);
  });

  it('refuses empty and over-long drafts with a friendly message', async () => {
    const { send } = setup();
    expect((await send('   ', { mode: 'review' })).text).toContain('I did not get any text');
    const long = await send('a'.repeat(MAX_TEXT_LENGTH + 1), { mode: 'review' });
    expect(long.kind).toBe('error');
    expect(long.text).toContain('longer than any network accepts');
  });

  it('records a false positive without the words, then with them only when the person agrees', async () => {
    const { send, store } = setup();
    const value = JSON.stringify({ category: 'nightlife', ruleId: 'nightlife/hangover', term: 'hungover' });
    const first = await send('', { action: { id: 'report-false-positive', value } });
    expect(store.falsePositives).toEqual([{ platform: 'slack', category: 'nightlife', ruleId: 'nightlife/hangover', at: NOW }]);
    const share = first.parts.find((part) => part.type === 'choices');
    expect(share?.type === 'choices' && share.choices[0]!.action).toEqual({ id: 'share-false-positive-words', value });
    await send('', { action: { id: 'share-false-positive-words', value } });
    expect(store.falsePositives[1]).toEqual({ platform: 'slack', category: 'nightlife', ruleId: 'nightlife/hangover', words: 'hungover', at: NOW });
  });

  it('remembers a word the person chose to ignore', async () => {
    const { send, store } = setup();
    await send('', { action: { id: 'ignore-term', value: JSON.stringify({ category: 'profanity', ruleId: 'profanity/damn', term: 'Damn' }) } });
    expect((await store.getPrefs({ platform: 'slack', userId: 'U1' })).ignoredTerms).toEqual(['damn']);
  });

  it('ignores a sentence the model flagged by keeping a fingerprint of it, never its words', async () => {
    const { send, store } = setup();
    const draft = 'Sunny morning run along the river. Can’t wait for the town hall where they explain why our bonus pool shrank while the execs got new cars.';
    const first = await send(`review: ${draft}`);
    const flag = first.meta?.review?.flags.find((item) => item.ruleId === 'model-workplace-criticism');
    expect(flag).toBeDefined();
    const part = first.parts.find((item) => item.type === 'flag' && item.flag.ruleId === flag!.ruleId);
    const ignore = part?.type === 'flag' ? part.actions.find((action) => action.action.id === 'ignore-term') : undefined;
    const done = await send('', { action: ignore!.action });
    expect(done.text).toContain('I keep a fingerprint of it, never the words');
    const { ignoredTerms } = await store.getPrefs({ platform: 'slack', userId: 'U1' });
    expect(ignoredTerms).toEqual([expect.stringMatching(/^sentence:[0-9a-f]{32}$/)]);
    expect(JSON.stringify(ignoredTerms)).not.toMatch(/town hall|bonus|execs/);
    const again = await send(`review: ${draft}`);
    expect(again.meta?.review?.flags.some((item) => item.ruleId === 'model-workplace-criticism')).toBe(false);
  });

  it.each([
    { id: 'topic', value: 'no-such-topic' },
    { id: 'set-strategy', value: 'bold' },
    { id: 'ignore-term', value: '{not json' },
    { id: 'report-false-positive', value: JSON.stringify({ category: 'made-up', ruleId: 'x', term: 'y' }) },
  ] as const)('answers a tampered action %j with a friendly error', async (action) => {
    const { send } = setup();
    const reply = await send('', { action });
    expect(reply.kind).toBe('error');
    expect(reply.text).toContain('that button no longer works');
  });

  it('hands nudge and stats commands to the manager desk', async () => {
    const seen: string[] = [];
    const manager: ManagerDesk = {
      async handle(_message, command) {
        seen.push(command);
        return makeReply('manager', [{ type: 'paragraph', text: 'ok' }]);
      },
    };
    const { send } = setup({ manager });
    await send('nudge <#C1|general> next');
    await send('stats');
    expect(seen).toEqual(['nudge <#C1|general> next', 'stats']);
  });

  it('still reviews when the settings cannot be read, says so, and reports the failure without the text', async () => {
    const store = new MemoryPrefsStore();
    store.getPrefs = async () => {
      throw Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    };
    const errors: string[] = [];
    const core = createCore({ content, model, store, clock: () => NOW, onError: (_error, where) => errors.push(where) });
    const reply = await core.handle({ platform: 'teams', user: { id: 'A' }, conversation: { id: 'A', kind: 'direct' }, text: 'So hungover today', mode: 'review', private: true });
    expect(reply.kind).toBe('review');
    expect(reply.meta?.review?.flags.length).toBeGreaterThan(0);
    expect(reply.text).toContain('I could not load your saved settings just now');
    expect(errors).toEqual(['read settings for a review']);
  });

  it('reviews "review <draft>" but answers a question that starts with review or check', async () => {
    const { send } = setup();
    expect((await send('review So hungover today')).kind).toBe('review');
    expect((await send('review my old posts before a job hunt?')).kind).toBe('answer');
    expect((await send('check whether my boss can see my instagram')).kind).not.toBe('review');
  });

  it('explains that nudges need the server when there is no manager desk', async () => {
    const { send } = setup();
    expect((await send('nudge #general')).text).toContain('need the social-check server');
  });
});
