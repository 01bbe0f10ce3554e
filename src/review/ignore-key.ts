/**
 * What "This is fine, ignore it" keeps for a person. For a rule's flag, the
 * flagged words ("beer"), as the person saw them. The learned model flags a whole
 * sentence, and a sentence of a draft is not kept: only a fingerprint of it
 * (HMAC-SHA-256 of the normalized words, keyed by the person and, when set, the
 * server's FINGERPRINT_SECRET), enough to recognize the same sentence in that
 * person's later drafts, never to read it back; without the secret, someone
 * reading the database cannot even confirm a guess.
 */
import { createHmac } from 'node:crypto';
import { normalizeText } from './normalize.ts';

export const MODEL_RULE_PREFIX = 'model-';
export const SENTENCE_KEY_PREFIX = 'sentence:';

/** Is this rule id one of the learned model's (`model-<category>`)? */
export function isModelRuleId(ruleId: string): boolean {
  return ruleId.startsWith(MODEL_RULE_PREFIX);
}

/** The ignore entry for a flag: its words, or the fingerprint of a model flag's sentence under `key` (the person's). */
export function ignoreKey(ruleId: string, words: string, key = ''): string {
  if (!isModelRuleId(ruleId)) return words;
  const normalized = normalizeText(words.slice(0, 200)).text.replace(/\s+/g, ' ').trim();
  return `${SENTENCE_KEY_PREFIX}${createHmac('sha256', `social-check:${key}`).update(normalized).digest('hex').slice(0, 32)}`;
}
