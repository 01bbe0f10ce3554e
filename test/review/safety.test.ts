/**
 * Safety bounds the issue asks for: cost linear in the text length (a 100 KB
 * adversarial draft is reviewed in under 100 ms) and no regular expression that
 * can backtrack catastrophically (each one checked statically and timed on
 * adversarial strings). Also: drafts longer than a platform allows get a clear
 * note, not a crash.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { DETECTOR_REGEXES } from '../../src/review/detect-personal-data.ts';
import { unsafeRegexReason } from '../../src/review/regex-safety.ts';
import { POLICY, review, rules } from './helpers.ts';

const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/** Inputs built to trip up tokenizers, matchers and regular expressions. */
const ADVERSARIAL: Record<string, string> = {
  'one letter': fill('a'),
  'one letter, spaced': fill('a '),
  'one digit, spaced': fill('1 '),
  'digits and dashes': fill('1-'),
  'nested brackets': fill('(') + fill(')').slice(0, 10),
  'nested punctuation': fill('(([{<.,;:!?>}]))'),
  'stars and leet': fill('f*$@!|'),
  'at signs': fill('a@'),
  'dots after letters': fill('a.'),
  'zero-width joiners': fill('f\u200Bu\u200Bc\u200Bk'),
  'fullwidth letters': fill('ｆｕｃｋ'),
  'emoji': fill('🍷'),
  'repeated trigger and context': fill('my boss is an idiot and my boss is useless '),
  'address-like': fill('12 a b c d e f '),
  'card-like digits': fill('4111 1111 '),
  'iban-like': fill('gb82 '),
  'password cues': fill('password: '),
  'long word': fill('x') + ' boss',
};

/**
 * Best of five runs after a warm-up: the bound is about the code's cost, and the
 * best run filters out a busy machine (other test files run in parallel).
 */
function timeReview(text: string): number {
  review(text, { policy: POLICY, platform: 'x', strategy: 'custom' }); // warm-up: caches, lazy loading, JIT
  let best = Infinity;
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    review(text, { policy: POLICY, platform: 'x', strategy: 'custom' });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('review cost is linear', () => {
  it.each(Object.entries(ADVERSARIAL))('a 100 KB draft of %s is reviewed in under 100 ms', (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(SIZE - 10);
    expect(timeReview(text)).toBeLessThan(100);
  });

  it('returns valid spans on adversarial input', () => {
    const text = ADVERSARIAL['repeated trigger and context']!;
    const result = review(text, { policy: POLICY });
    expect(result.flags.length).toBeGreaterThan(0);
    for (const flag of result.flags) expect(text.slice(flag.start, flag.end)).toBe(flag.words);
  });
});

describe('no regular expression can backtrack catastrophically', () => {
  const patterns = [...rules().rules.flatMap((rule) => rule.patterns.map((pattern) => ({ where: `${rule.file} ${rule.id}`, pattern }))), ...DETECTOR_REGEXES.map((pattern) => ({ where: 'detector', pattern }))];

  it('has patterns to check', () => {
    expect(patterns.length).toBeGreaterThan(5);
  });

  it.each(patterns)('$where /$pattern.source/ has no nested or alternated unbounded repetition', ({ pattern }) => {
    expect(unsafeRegexReason(pattern.source)).toBeUndefined();
  });

  const attacks = ['a', '1', ' ', 'a ', '1 ', 'a.', '-', 'aa1', '@a', 'code ', 'street '].map((unit) => unit.repeat(20_000) + '!');
  it.each(patterns)('$where /$pattern.source/ runs in linear time on adversarial strings', ({ pattern }) => {
    for (const attack of attacks) {
      const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
      let best = Infinity;
      for (let run = 0; run < 3; run += 1) {
        regex.lastIndex = 0;
        const started = performance.now();
        let count = 0;
        for (let match = regex.exec(attack); match && count < 10_000; match = regex.exec(attack)) {
          if (match[0].length === 0) regex.lastIndex += 1;
          count += 1;
        }
        best = Math.min(best, performance.now() - started);
      }
      // Catastrophic backtracking on 20,000 characters takes seconds to hours; linear scans take about a millisecond.
      expect(best).toBeLessThan(50);
    }
  });

  it.each([
    ['(a+)+$', 'repeats a group that holds an unbounded quantifier (nested quantifiers)'],
    ['(?:x*y)*', 'repeats a group that holds an unbounded quantifier (nested quantifiers)'],
    ['(a|ab)*c', 'repeats an alternation without bound'],
    ['(a)\\1', 'uses a backreference'],
  ])('the static check refuses /%s/', (source, reason) => {
    expect(unsafeRegexReason(source)).toBe(reason);
  });

  it.each(['\\bfoo\\b', '(?:ab){1,3}c', '[a-z]{1,20} (?:st|rd)', '(?:a|b)c+'])('the static check accepts /%s/', (source) => {
    expect(unsafeRegexReason(source)).toBeUndefined();
  });
});

describe('platform length limits', () => {
  it.each([
    ['x', 281, "X's 280-character limit"],
    ['bluesky', 301, "Bluesky's 300-character limit"],
    ['threads', 501, "Threads' 500-character limit"],
    ['mastodon', 501, 'the 500-character limit most Mastodon servers use'],
    ['instagram', 2201, "Instagram's 2,200-character caption limit"],
    ['linkedin', 3001, "LinkedIn's 3,000-character limit"],
    ['tiktok', 4001, "TikTok's 4,000-character caption limit"],
  ] as const)('a draft over the %s limit gets a clear note', (platform, length, phrase) => {
    const text = 'Lovely day at the park with the kids. '.repeat(Math.ceil(length / 38)).slice(0, length);
    const result = review(text, { platform });
    expect(result.advice[0]).toContain(phrase);
    expect(result.advice[0]).toContain(`At ${length.toLocaleString('en-US')} characters`);
    expect(result.verdict).toBe('ok');
  });

  it('a draft within the limit gets no length note', () => {
    expect(review('Short and sweet.', { platform: 'x' }).advice.join(' ')).not.toContain('limit');
  });

  it('counts characters as the networks do (an emoji is one)', () => {
    const text = '🍕'.repeat(280);
    expect(text.length).toBe(560);
    expect(review(text, { platform: 'x' }).advice.join(' ')).not.toContain('limit');
  });

  it('without a platform, names the networks the draft is too long for', () => {
    const text = 'A long and thoughtful post about careers. '.repeat(10);
    expect(review(text).advice[0]).toMatch(/^At 420 characters this draft is too long for X \(280\), Bluesky \(300\)/);
  });
});
