/**
 * The neutral reply of a review, and the advice in it: verdict and audience,
 * one flag part per finding with its two actions, advice for the person's
 * strategy and platform (as data), ignored terms, and the safer rewrite.
 */
import { describe, expect, it } from 'vitest';
import { reviewToReply } from '../../src/review/review-reply.ts';
import { review } from './helpers.ts';

describe('reviewToReply', () => {
  it('builds verdict, flags with actions, advice, rewrite and note', () => {
    const result = review('so hungover, call me on 415-555-0198');
    const reply = reviewToReply(result, {});
    expect(reply.kind).toBe('review');
    expect(reply.meta?.review).toBe(result);
    expect(reply.parts[0]).toEqual({
      type: 'verdict',
      verdict: 'risky',
      audience: 'nobody',
      summary: '2 things could cost you at work or in a job search: better not to post this anywhere as it is.',
    });
    const flags = reply.parts.filter((part) => part.type === 'flag');
    expect(flags).toHaveLength(2);
    const first = flags[0]!;
    if (first.type !== 'flag') throw new Error('flag part expected');
    expect(first.flag.words).toBe('hungover');
    expect(first.actions).toEqual([
      { label: 'This is fine, ignore it', action: { id: 'ignore-term', value: JSON.stringify({ category: 'nightlife', ruleId: 'drunk', term: 'hungover' }) } },
      { label: 'Report a false positive', action: { id: 'report-false-positive', value: JSON.stringify({ category: 'nightlife', ruleId: 'drunk', term: 'hungover' }) } },
    ]);
    expect(reply.parts.some((part) => part.type === 'bullets')).toBe(true);
    expect(reply.parts[reply.parts.length - 1]?.type).toBe('note');
    expect(reply.text).toContain('[nightlife] "hungover" (characters 3-11, medium risk)');
    expect(reply.text).toContain('Fits: a personal circle only (close friends, a private list)');
  });

  it('an ok draft says so, with no flags and no quiz nudge when the strategy is known', () => {
    const reply = reviewToReply(review('Proud of the team today!'), { strategy: 'custom' });
    expect(reply.parts.map((part) => part.type)).toEqual(['verdict', 'heading', 'bullets', 'note']);
    expect(reply.text).toContain('Verdict: ok · audience: everyone');
  });

  it('offers the quiz when the strategy is unknown and something was flagged', () => {
    const reply = reviewToReply(review('damn, Monday again'), {});
    expect(reply.parts.some((part) => part.type === 'choices' && part.choices.some((choice) => choice.action.id === 'quiz'))).toBe(true);
  });
});

describe('advice for strategy and platform', () => {
  const personal = 'Four margaritas in and still dancing';
  it.each([
    ['instagram', 'Close Friends'],
    ['linkedin', '"Connections only" still reaches your boss'],
    ['x', 'protected account'],
    ['bluesky', 'no protected accounts or close-friends lists'],
    ['facebook', 'Restricted list'],
    ['mastodon', 'followers-only is not private'],
    ['threads', 'private profile'],
    ['tiktok', 'Friends only'],
  ] as const)('%s: a personal-only draft gets the network\'s own private circle', (platform, phrase) => {
    const result = review(personal, { platform, strategy: 'custom' });
    expect(result.audience).toBe('personal');
    expect(result.advice.join('\n')).toContain(phrase);
    expect(result.advice.join('\n')).toContain('Share it with your close-friends list or personal account only');
  });

  it.each([
    ['open', 'You post openly, but this one is better kept to friends'],
    ['audience', 'check first that no coworker or manager has joined it'],
    ['content', 'this one needs editing first'],
    ['custom', 'close-friends list or personal account only'],
  ] as const)('strategy %s', (strategy, phrase) => {
    expect(review(personal, { strategy }).advice.join('\n')).toContain(phrase);
  });

  it('without strategy or platform, says where it fits and asks for the network', () => {
    const advice = review(personal).advice;
    expect(advice[0]).toBe('Keep it to a personal circle (close friends, a private list or account), not your professional network.');
  });
});

describe('ignored terms and the rewrite', () => {
  it('drops flags on words the person chose to ignore, in any case', () => {
    expect(review('damn good coffee', { ignoredTerms: ['DAMN'] }).flags).toEqual([]);
    expect(review('damn good coffee').flags).toHaveLength(1);
  });

  it('offers a rewrite that removes swearing and replaces contact details', () => {
    expect(review('This fucking printer again. Call me on 415-555-0198').rewrite).toBe('This printer again. Call me on (DM me for my number)');
  });

  it('offers no rewrite when the point of the draft is the risk', () => {
    expect(review('My boss is completely useless.').rewrite).toBeUndefined();
  });
});
