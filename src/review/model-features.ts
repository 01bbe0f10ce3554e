/**
 * Features of a draft for the learned second opinion (review-model.ts): Porter
 * stems of its words and pairs of neighbouring words, per sentence. The
 * organization profile's names become placeholders (`<org>`, `<client>`,
 * `<codename>`), so what the model learned from "Example Corp" drafts applies to
 * any company; numbers become `<num>` and web addresses `<url>`. Built from the tokens the rules already
 * computed (evasive spellings decoded), so it adds no pass over the text.
 */
import type { OrgProfile } from '../core/ports.ts';
import { stemWord } from '../nlp/natural.ts';
import { normalizeText } from './normalize.ts';
import { MAX_WORD_LENGTH, tokenize, type Token } from './tokenize.ts';

/** Bumped whenever the features change: a model trained on other features is refused. */
export const FEATURE_VERSION = 3;

/** Words too common to mean anything alone (they still count in word pairs). */
const STOP_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'is', 'it', 'at', 'with', 'this', 'that', 'be', 'as', 'by', 'so']);

/** At most this many sentences are scored one by one (the draft as a whole always is). */
const MAX_SENTENCES = 200;

export interface SentenceFeatures {
  /** Index of the sentence (tokens' `sentence`). */
  sentence: number;
  /** First and last token of the sentence. */
  first: number;
  last: number;
  features: string[];
}

export interface DraftFeatures {
  /** Every feature of the draft, once. */
  all: string[];
  /** Per sentence (empty unless asked for). */
  sentences: SentenceFeatures[];
}

export type Placeholders = ReadonlyMap<string, string>;

const placeholderCache = new WeakMap<OrgProfile, Placeholders>();
const NO_PLACEHOLDERS: Placeholders = new Map();

/** The profile's names, word by word, mapped to their placeholder. */
export function placeholdersFor(policy: OrgProfile | undefined): Placeholders {
  if (!policy) return NO_PLACEHOLDERS;
  let map = placeholderCache.get(policy) as Map<string, string> | undefined;
  if (map) return map;
  map = new Map();
  const add = (names: readonly unknown[] | undefined, placeholder: string): void => {
    for (const name of names ?? []) {
      if (typeof name !== 'string') continue;
      for (const token of tokenize(normalizeText(name).text).tokens) if (token.forms[0]) map!.set(token.forms[0], placeholder);
    }
  };
  add([policy.organization?.name, ...(policy.organization?.aliases ?? [])], '<org>');
  add(policy.clients, '<client>');
  add(policy.codenames, '<codename>');
  placeholderCache.set(policy, map);
  return map;
}

/** The word a token stands for: its decoded spelling, stemmed, or a placeholder. */
export function wordOf(token: Token, placeholders: Placeholders): string | undefined {
  const form = token.forms[token.forms.length - 1] ?? token.raw;
  if (form === '' || form.length > MAX_WORD_LENGTH) return undefined;
  if (placeholders.size > 0) {
    for (const spelling of token.forms) {
      const placeholder = placeholders.get(spelling) ?? (spelling.endsWith('s') ? placeholders.get(spelling.slice(0, spelling.endsWith("'s") ? -2 : -1)) : undefined);
      if (placeholder) return placeholder;
    }
  }
  const code = form.charCodeAt(0);
  if (code >= 48 && code <= 57) return '<num>';
  return stemWord(form);
}

/** Web addresses: one `<url>` word stands for each, so its domain and path words do not sway the model. */
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"|]+/g;

function urlSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  URL.lastIndex = 0;
  for (let match = URL.exec(text); match && spans.length < 1000; match = URL.exec(text)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/**
 * The features of a draft. `text` is the normalized text the tokens come from
 * (to recognize web addresses). Per-sentence lists, needed only to place a flag,
 * are built when `withSentences` is set.
 */
export function draftFeatures(tokens: readonly Token[], placeholders: Placeholders, text = '', withSentences = false): DraftFeatures {
  const urls = text.includes('http') || text.includes('www.') ? urlSpans(text) : [];
  let url = 0;
  const all = new Set<string>();
  const sentences: SentenceFeatures[] = [];
  let current: SentenceFeatures | undefined;
  let seen = new Set<string>();
  let sentence = -1;
  let previous: string | undefined;
  const add = (feature: string): void => {
    all.add(feature);
    if (current && !seen.has(feature)) {
      seen.add(feature);
      current.features.push(feature);
    }
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.sentence !== sentence) {
      sentence = token.sentence;
      previous = undefined;
      current = withSentences && sentences.length < MAX_SENTENCES ? { sentence, first: i, last: i, features: [] } : undefined;
      if (current) {
        sentences.push(current);
        seen = new Set();
      }
    }
    if (current) current.last = i;
    while (url < urls.length && urls[url]![1] <= token.start) url += 1;
    const inUrl = url < urls.length && token.start >= urls[url]![0];
    if (inUrl && previous === '<url>') continue;
    const word = inUrl ? '<url>' : wordOf(token, placeholders);
    if (word === undefined) {
      previous = undefined;
      continue;
    }
    if (!STOP_WORDS.has(word)) add(`w:${word}`);
    if (previous !== undefined) add(`b:${previous}_${word}`);
    previous = word;
  }
  return { all: [...all], sentences };
}
