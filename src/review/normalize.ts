/**
 * The normalized view of a draft that every matcher reads, with a map back to
 * the original text. Per code point: invisible characters (zero-width spaces and
 * joiners, soft hyphens, variation selectors, other format characters) are
 * dropped; compatibility forms are folded (NFKD: fullwidth letters, ligatures,
 * mathematical alphanumerics, circled digits); combining marks are removed
 * ("café" → "cafe"); common Cyrillic and Greek look-alikes become Latin; and
 * everything is lower-cased. `starts[i]`/`ends[i]` give the UTF-16 span in the
 * original text of normalized character `i`, so a match in the normalized view
 * maps back with `original.slice(starts[a], ends[b - 1])`.
 *
 * Cost is linear: one pass, a constant amount of work per code point.
 */

export interface NormalizedText {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

/** Cyrillic and Greek letters that look like Latin ones (lower-case; applied after lower-casing). */
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', һ: 'h', ӏ: 'l',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  '’': "'", '‘': "'", 'ʼ': "'", '`': "'", '´': "'",
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-',
};

const INVISIBLE = /[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u115F\u1160\u3164\uFFA0]/u;
const MARK = /\p{M}/gu;

/** Normalizes one non-ASCII code point; '' when it disappears. */
function foldCodePoint(cp: string): string {
  if (INVISIBLE.test(cp)) return '';
  const folded = cp.normalize('NFKD').replace(MARK, '').toLowerCase();
  let out = '';
  for (const ch of folded) out += CONFUSABLES[ch] ?? ch;
  return out;
}

const foldCache = new Map<string, string>();

const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function normalizeText(original: string): NormalizedText {
  const length = original.length;
  if (ASCII_ONLY.test(original)) {
    // Fast path: ASCII lower-cases one character for one, so the map is the identity.
    const starts = new Int32Array(length);
    const ends = new Int32Array(length);
    for (let i = 0; i < length; i += 1) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return { text: original.toLowerCase(), starts, ends };
  }
  // Folding can expand a code point (a ligature becomes two letters); grow the buffers when needed.
  let starts = new Int32Array(length + 8);
  let ends = new Int32Array(length + 8);
  const chunks: string[] = [];
  let n = 0;
  const push = (ch: string, start: number, end: number): void => {
    if (n >= starts.length) {
      const grownStarts = new Int32Array(starts.length * 2);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Int32Array(ends.length * 2);
      grownEnds.set(ends);
      ends = grownEnds;
    }
    starts[n] = start;
    ends[n] = end;
    n += 1;
    chunks.push(ch);
  };

  let i = 0;
  while (i < length) {
    const code = original.charCodeAt(i);
    if (code < 128) {
      push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : original[i]!, i, i + 1);
      i += 1;
      continue;
    }
    const cp = String.fromCodePoint(original.codePointAt(i)!);
    const next = i + cp.length;
    let folded = foldCache.get(cp);
    if (folded === undefined) {
      folded = foldCodePoint(cp);
      if (foldCache.size < 5000) foldCache.set(cp, folded);
    }
    // A folded character made of several UTF-16 units (an emoji) is pushed whole, so offsets stay on code point boundaries.
    for (const ch of folded) {
      for (let k = 0; k < ch.length; k += 1) push(ch[k]!, i, next);
    }
    i = next;
  }
  return { text: chunks.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** Maps a span of the normalized text back to the original text. */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: norm.starts[start] ?? 0, end: norm.starts[start] ?? 0 };
  return { start: norm.starts[start]!, end: norm.ends[end - 1]! };
}
