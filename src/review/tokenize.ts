/**
 * Words and sentences of a normalized draft, with the spellings a word may
 * hide behind: leetspeak ("sh1t", "@ss", "$hit"), repeated letters
 * ("fuuuuck"), starred letters ("f*ck", kept as a masked token), spaced or
 * dotted letters ("a s s", "f.u.c.k", merged into one token), possessives
 * ("boss's"). Offsets are into the normalized text. Linear in the text length.
 */

export interface Token {
  /** Offsets into the normalized text. */
  start: number;
  end: number;
  /** The token as normalized (lower-case), symbols included. */
  raw: string;
  /** Spellings to look up: plain, without possessive, leet-decoded, repeated letters collapsed. */
  forms: string[];
  /** Contains `*` standing for letters ("f*ck"). */
  masked: boolean;
  sentence: number;
  /** For merged spaced letters: the spelling without a leading "a" or "i". */
  alternative?: string;
}

export interface Tokenized {
  tokens: Token[];
  /** Offset in the normalized text where each sentence starts. */
  sentenceStarts: number[];
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g', '@': 'a', $: 's', '!': 'i', '|': 'l' };
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const SPACED_GAP = /^[ .\-_·]{1,2}$/;
/** Tokens longer than this are not words: they are skipped by the matchers (keeps adversarial input cheap). */
export const MAX_WORD_LENGTH = 40;

function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(ch);
}

function collapseRuns(word: string, keep: number): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < word.length; i += 1) {
    run = i > 0 && word[i] === word[i - 1] ? run + 1 : 1;
    if (run <= keep) out += word[i];
  }
  return out;
}

function hasLongRun(word: string): boolean {
  for (let i = 2; i < word.length; i += 1) if (word[i] === word[i - 1] && word[i] === word[i - 2]) return true;
  return false;
}

/** True for a plain lower-case ASCII word with no leet symbol and no run of three letters: its only spelling is itself. */
function isPlainWord(raw: string): boolean {
  let previous = 0;
  let run = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code < 97 || code > 122) return false;
    run = code === previous ? run + 1 : 1;
    if (run >= 3) return false;
    previous = code;
  }
  return raw.length > 0 && raw.length <= MAX_WORD_LENGTH;
}

/** The spellings of one token to look up in the term index. */
export function formsOf(raw: string): string[] {
  if (isPlainWord(raw)) return [raw];
  const forms = new Set<string>();
  const base = raw.replace(/^[@$!|*]+/, '').replace(/\*+$/, '');
  if (base.length > MAX_WORD_LENGTH * 4) return [];
  const add = (form: string): void => {
    if (form === '') return;
    forms.add(form);
    if (hasLongRun(form)) {
      forms.add(collapseRuns(form, 2));
      forms.add(collapseRuns(form, 1));
    }
  };
  add(base);
  if (base.includes("'")) {
    add(base.replace(/'s$/, ''));
    add(base.replace(/'/g, ''));
  }
  let hasLetter = false;
  let hasLeet = false;
  for (const ch of raw) {
    if (isLetter(ch)) hasLetter = true;
    else if (LEET[ch] !== undefined) hasLeet = true;
  }
  if (hasLetter && hasLeet) {
    let decoded = '';
    for (const ch of raw) decoded += LEET[ch] ?? ch;
    add(decoded.replace(/\*+$/, ''));
    if (raw.includes('1')) add(raw.replace(/1/g, 'l').replace(/[@$!|05437]/g, (ch) => LEET[ch] ?? ch));
  }
  return [...forms].filter((form) => form.length <= MAX_WORD_LENGTH);
}

/** Letter or digit at `i` (ASCII fast path on char codes). */
function wordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return code === code && LETTER_OR_DIGIT.test(text[i]!);
}

function letterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return code === code && LETTER.test(text[i]!);
}

/** `@ $ ! | *`: symbols that may stand for letters inside a word. */
function innerSymbolAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code === 64 || code === 36 || code === 33 || code === 124 || code === 42;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 0xa0 || code === 0x2028 || code === 0x2029;
}

export function tokenize(text: string): Tokenized {
  const raw: Token[] = [];
  const sentenceStarts = [0];
  let sentence = 0;
  let sentenceHasToken = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const startsToken = wordAt(text, i) || ((code === 64 || code === 36 || code === 42) && letterAt(text, i + 1));
    if (startsToken) {
      let j = i + 1;
      let letters = letterAt(text, i) ? 1 : 0;
      while (j < n) {
        if (wordAt(text, j)) {
          if (letters === 0 && letterAt(text, j)) letters = 1;
          j += 1;
        } else if (text.charCodeAt(j) === 39 && wordAt(text, j + 1)) {
          j += 1;
        } else if (innerSymbolAt(text, j)) {
          let k = j;
          while (k < n && innerSymbolAt(text, k)) k += 1;
          if (wordAt(text, k)) j = k;
          else {
            // Trailing stars mask letters ("f***") only after a letter; other trailing symbols are punctuation.
            let stars = j;
            while (stars < k && text.charCodeAt(stars) === 42) stars += 1;
            if (stars > j && letters > 0) j = stars;
            break;
          }
        } else break;
      }
      const word = text.slice(i, j);
      raw.push({ start: i, end: j, raw: word, forms: [], masked: word.includes('*'), sentence });
      sentenceHasToken = true;
      i = j;
      continue;
    }
    // A sentence ends at a line break, or at . ! ? ; … followed by a space (not after an initial: "J. K.").
    let endsSentence = code === 10;
    if (!endsSentence && (code === 46 || code === 33 || code === 63 || code === 59 || code === 0x2026) && (i + 1 >= n || isSpaceCode(text.charCodeAt(i + 1)))) {
      const previous = raw[raw.length - 1];
      endsSentence = !(code === 46 && previous !== undefined && previous.end === i && previous.raw.length === 1);
    }
    if (endsSentence && sentenceHasToken) {
      sentence += 1;
      sentenceStarts.push(i + 1);
      sentenceHasToken = false;
    }
    i += 1;
  }
  const tokens = mergeSpacedLetters(text, raw);
  const cache = new Map<string, string[]>();
  for (const token of tokens) {
    let forms = cache.get(token.raw);
    if (!forms) {
      forms = formsOf(token.raw);
      if (cache.size < 20_000) cache.set(token.raw, forms);
    }
    token.forms = token.alternative ? [...forms, ...formsOf(token.alternative)] : forms;
  }
  return { tokens, sentenceStarts };
}

/** "a s s", "f.u.c.k", "s h 1 t": three or more one-character tokens a space, dot or dash apart become one token. */
function mergeSpacedLetters(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    let j = i;
    if (first.raw.length === 1) {
      while (
        j + 1 < tokens.length &&
        tokens[j + 1]!.raw.length === 1 &&
        tokens[j + 1]!.sentence === first.sentence &&
        tokens[j + 1]!.start - tokens[j]!.end <= 2 &&
        SPACED_GAP.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))
      ) {
        j += 1;
      }
    }
    if (j - i + 1 >= 3) {
      let word = '';
      for (let k = i; k <= j; k += 1) word += tokens[k]!.raw;
      // "a s h i t": the leading "a" or "i" may be a real word; the merged token is also looked up without it.
      const alternative = (first.raw === 'a' || first.raw === 'i') && j - i >= 3 ? word.slice(1) : undefined;
      out.push({ start: first.start, end: tokens[j]!.end, raw: word, forms: [], masked: false, sentence: first.sentence, alternative });
      i = j + 1;
    } else {
      out.push(first);
      i += 1;
    }
  }
  return out;
}
