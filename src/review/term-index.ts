/**
 * An index of words and phrases, matched over tokens in one left-to-right pass.
 * Each token is looked up by its spellings (see tokenize.ts) in a map keyed by a
 * phrase's first word; a word written with a trailing `*` matches any ending
 * ("hangover*"); a starred token ("f*ck") is compared letter by letter with the
 * one-word terms of the same length and first letter. The cost per token is a
 * bounded number of map look-ups, so matching is linear in the text length.
 */
import { normalizeText } from './normalize.ts';
import { MAX_WORD_LENGTH, tokenize, type Token } from './tokenize.ts';

interface WordPattern {
  text: string;
  prefix: boolean;
}

export interface Phrase {
  id: number;
  /** Scratch stamp used while matching (the last token index that considered this phrase). */
  stamp: number;
  /** The normalized phrase, words joined by one space (a `*` marks a prefix word). */
  key: string;
  words: WordPattern[];
}

export interface Hit {
  phrase: Phrase;
  /** Token indexes, inclusive. */
  first: number;
  last: number;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };

/** Parses a term as written in the rules into words; undefined when it has none. */
export function parseTerm(term: string): WordPattern[] | undefined {
  const words: WordPattern[] = [];
  for (const chunk of term.trim().split(/\s+/)) {
    const prefix = chunk.length > 1 && chunk.endsWith('*');
    const { tokens } = tokenize(normalizeText(prefix ? chunk.replace(/\*+$/, '') : chunk).text);
    tokens.forEach((token, index) => {
      words.push({ text: token.raw, prefix: prefix && index === tokens.length - 1 });
    });
  }
  return words.length > 0 && words.every((word) => word.text !== '') ? words : undefined;
}

export function phraseKey(words: WordPattern[]): string {
  return words.map((word) => (word.prefix ? `${word.text}*` : word.text)).join(' ');
}

/** "f*ck" against "fuck"; with `prefix`, "f**king" against "fuck*" (the rest of the token is any letters). */
function maskMatches(word: string, raw: string, prefix = false): boolean {
  if (raw[0] === '*' || (prefix ? raw.length < word.length : raw.length !== word.length)) return false;
  let real = 0;
  for (let k = 0; k < word.length; k += 1) {
    const ch = raw[k]!;
    if (ch === '*') continue;
    if ((LEET[ch] ?? ch) !== word[k]) return false;
    real += 1;
  }
  return real >= 1 && real < raw.length;
}

function wordMatches(pattern: WordPattern, token: Token): boolean {
  for (const form of token.forms) {
    if (pattern.prefix ? form.startsWith(pattern.text) : form === pattern.text) return true;
  }
  return token.masked && maskMatches(pattern.text, token.raw, pattern.prefix);
}

let stampCounter = 0;

export class TermIndex {
  private readonly byKey = new Map<string, Phrase>();
  private readonly exact = new Map<string, Phrase[]>();
  /**
   * Phrases of two words or more keyed by their first two words ("the boss"):
   * common first words ("the", "our", "my") start hundreds of phrases, and the
   * next word narrows them to a few. Phrases whose first word has no such entry
   * are in `exactFirstOnly`; `exact` keeps them all for a masked next word ("the f*cking").
   */
  private readonly exactPair = new Map<string, Phrase[]>();
  private readonly exactFirstOnly = new Map<string, Phrase[]>();
  /** Prefix phrases keyed by the first (up to) three letters of their first word. */
  private readonly prefix = new Map<string, Phrase[]>();
  private shortPrefixLengths: number[] = [];
  private readonly masked = new Map<string, Phrase[]>();

  /** Adds a term (idempotent) and returns its phrase, or undefined when the term has no words. */
  add(term: string): Phrase | undefined {
    const words = parseTerm(term);
    if (!words) return undefined;
    const key = phraseKey(words);
    const known = this.byKey.get(key);
    if (known) return known;
    const phrase: Phrase = { id: this.byKey.size, stamp: -1, key, words };
    this.byKey.set(key, phrase);
    const first = words[0]!;
    const push = (map: Map<string, Phrase[]>, mapKey: string): void => {
      const list = map.get(mapKey);
      if (list) list.push(phrase);
      else map.set(mapKey, [phrase]);
    };
    if (first.prefix) {
      push(this.prefix, first.text.slice(0, 3));
      if (first.text.length < 3 && !this.shortPrefixLengths.includes(first.text.length)) this.shortPrefixLengths = [...this.shortPrefixLengths, first.text.length];
    } else {
      push(this.exact, first.text);
      const second = words[1];
      if (second && !second.prefix) push(this.exactPair, `${first.text} ${second.text}`);
      else push(this.exactFirstOnly, first.text);
    }
    if (words.length === 1 && first.text.length >= 3 && /^\p{L}+$/u.test(first.text)) push(this.masked, first.text[0]!);
    return phrase;
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Every phrase occurrence, in text order; phrases never span sentences. */
  match(tokens: readonly Token[]): Hit[] {
    const hits: Hit[] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i]!;
      if (token.forms.length === 0 && !token.masked) continue;
      // A stamp unique to this token, so a phrase is considered once per token without allocating a set.
      const stamp = ++stampCounter;
      const next = tokens[i + 1];
      const pairable = next !== undefined && next.sentence === token.sentence && !next.masked;
      for (const form of token.forms) {
        if (!pairable) this.consider(tokens, i, stamp, this.exact.get(form), undefined, hits);
        else {
          this.consider(tokens, i, stamp, this.exactFirstOnly.get(form), undefined, hits);
          for (const nextForm of next.forms) this.consider(tokens, i, stamp, this.exactPair.get(`${form} ${nextForm}`), undefined, hits);
        }
        this.consider(tokens, i, stamp, this.prefix.get(form.slice(0, 3)), form, hits);
        for (const length of this.shortPrefixLengths) {
          if (length <= form.length) this.consider(tokens, i, stamp, this.prefix.get(form.slice(0, length)), form, hits);
        }
      }
      if (token.masked && token.raw.length <= MAX_WORD_LENGTH) {
        const first = token.raw[0]!;
        const candidates = this.masked.get(LEET[first] ?? first);
        if (candidates) this.consider(tokens, i, stamp, candidates.filter((phrase) => maskMatches(phrase.words[0]!.text, token.raw, phrase.words[0]!.prefix)), undefined, hits);
      }
    }
    return hits;
  }

  /** Tries the phrases starting at token `i`; with `form`, only prefix phrases whose first word starts `form`. */
  private consider(tokens: readonly Token[], i: number, stamp: number, phrases: Phrase[] | undefined, form: string | undefined, hits: Hit[]): void {
    if (!phrases) return;
    for (const phrase of phrases) {
      if (phrase.stamp === stamp) continue;
      if (form !== undefined && !form.startsWith(phrase.words[0]!.text)) continue;
      phrase.stamp = stamp;
      const last = this.matchRest(tokens, i, phrase);
      if (last >= 0) hits.push({ phrase, first: i, last });
    }
  }

  /** Index of the last token of the phrase starting at `i`, or -1. The first word is already known to match. */
  private matchRest(tokens: readonly Token[], i: number, phrase: Phrase): number {
    const sentence = tokens[i]!.sentence;
    for (let w = 1; w < phrase.words.length; w += 1) {
      const token = tokens[i + w];
      if (!token || token.sentence !== sentence || !wordMatches(phrase.words[w]!, token)) return -1;
    }
    return i + phrase.words.length - 1;
  }
}
