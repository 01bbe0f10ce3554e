/**
 * Evasion: spellings that hide a word (Unicode look-alikes, fullwidth letters,
 * zero-width characters, spaced, dotted and starred letters, leetspeak,
 * repeated letters) are still caught, and the flag's offsets point at the
 * words exactly as written in the original text.
 */
import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalSpan } from '../../src/review/normalize.ts';
import { formsOf, tokenize } from '../../src/review/tokenize.ts';
import { review } from './helpers.ts';

describe('normalization keeps a map back to the original text', () => {
  it.each([
    ['ＦＵＣＫ', 'fuck', 'fullwidth letters fold to ASCII'],
    ['f\u200Bu\u200Cc\u200Dk', 'fuck', 'zero-width characters disappear'],
    ['ѕһіt', 'shit', 'Cyrillic look-alikes become Latin'],
    ['café', 'cafe', 'accents are removed'],
    ['ﬁne', 'fine', 'ligatures are split'],
    ['𝐬𝐡𝐢𝐭', 'shit', 'mathematical bold letters fold'],
    ['soft\u00ADhyphen', 'softhyphen', 'soft hyphens disappear'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('maps every normalized character to its span in the original', () => {
    const original = 'A ｆ\u200Bｕｃｋ 𝐬𝐡𝐢𝐭!';
    const norm = normalizeText(original);
    const start = norm.text.indexOf('fuck');
    expect(original.slice(toOriginalSpan(norm, start, start + 4).start, toOriginalSpan(norm, start, start + 4).end)).toBe('ｆ\u200Bｕｃｋ');
    const second = norm.text.indexOf('shit');
    const span = toOriginalSpan(norm, second, second + 4);
    expect(original.slice(span.start, span.end)).toBe('𝐬𝐡𝐢𝐭');
  });
});

describe('tokens carry their hidden spellings', () => {
  it.each([
    ['sh1t', 'shit'],
    ['$hit', 'shit'],
    ['@ss', 'ass'],
    ['b!tch', 'bitch'],
    ['fuuuuck', 'fuck'],
    ['shiiiit', 'shit'],
    ["boss's", 'boss'],
  ])('%s is also read as %s', (raw, form) => {
    expect(formsOf(raw)).toContain(form);
  });

  it('merges spaced and dotted letters into one word', () => {
    expect(tokenize('a s s and f.u.c.k').tokens.map((token) => token.raw)).toEqual(['ass', 'and', 'fuck']);
  });

  it('keeps digits as digits when a token has no letter', () => {
    expect(formsOf('4471')).toEqual(['4471']);
  });
});

describe('evasive spellings are flagged with exact original offsets', () => {
  it.each([
    ['sh1t happens', 'sh1t'],
    ['what the f*ck', 'f*ck'],
    ['f**king traffic', 'f**king'],
    ['what an a s s', 'a s s'],
    ['this is f.u.c.k.i.n.g ridiculous', 'f.u.c.k.i.n.g'],
    ['ＦＵＣＫ this', 'ＦＵＣＫ'],
    ['f\u200Bu\u200Bc\u200Bk this', 'f\u200Bu\u200Bc\u200Bk'],
    ['ѕһіt, again', 'ѕһіt'],
    ['fuuuuuck mondays', 'fuuuuuck'],
    ['$hit show', '$hit'],
    ['🍷 𝐬𝐡𝐢𝐭 🍷', '𝐬𝐡𝐢𝐭'],
  ])('%s → "%s"', (text, words) => {
    const flags = review(text).flags.filter((flag) => flag.category === 'profanity');
    expect(flags.map((flag) => flag.words)).toEqual([words]);
    for (const flag of flags) expect(text.slice(flag.start, flag.end)).toBe(words);
  });

  it('does not mistake ordinary words with digits or symbols for swearing', () => {
    for (const text of ['Q3 results: 4 teams, 1 goal!', 'Email me @ the office', 'a b c d e f g', 'Version 3.1.4 is out!!!']) {
      expect(review(text).flags).toEqual([]);
    }
  });
});
