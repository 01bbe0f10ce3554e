/**
 * Reviews a draft post: which words carry which risk, why, what to do instead,
 * and which audience the post fits. Pure and synchronous; the draft is never
 * logged or stored. Pipeline: normalize (with an offset map back to the
 * original) → tokenize (with evasive spellings) → match terms, patterns and
 * validated detectors → check each rule's context → flags with exact spans →
 * audience and verdict → advice for the person's strategy and platform.
 */
import type { OrgProfile } from '../core/ports.ts';
import type { Flag, ReviewResult, RiskCategory, SocialPlatform, StrategyId } from '../core/types.ts';
import { adviceFor } from './advice.ts';
import { audienceOf, compareFlags, verdictOf } from './audience.ts';
import { engineFor } from './compile-rules.ts';
import { findRisks, type Finding } from './find-risks.ts';
import { ignoreKey, isModelRuleId, SENTENCE_KEY_PREFIX } from './ignore-key.ts';
import { normalizeText, type NormalizedText } from './normalize.ts';
import { saferRewrite } from './rewrite.ts';
import type { Rule, RuleBook } from './rule-types.ts';
import { tokenize, type Token } from './tokenize.ts';
import type { LearnedReview } from './load-model.ts';
import { draftFeatures, placeholdersFor, type DraftFeatures } from './model-features.ts';
import { bestSentence, cueTokens, decide, scoreFeatures, sentenceScores, type RuleEvidence } from './review-model.ts';
import { isFirm } from './rule-types.ts';

export interface ReviewOptions {
  rules: RuleBook;
  policy?: OrgProfile;
  strategy?: StrategyId;
  platform?: SocialPlatform;
  /** Words the person chose to ignore (any case), and fingerprints of sentences (see ignore-key.ts). */
  ignoredTerms?: readonly string[];
  /** The person's fingerprint key (ignore-key.ts). */
  fingerprintKey?: string;
}

/** At most this many flags are returned (the most serious first). */
export const MAX_FLAGS = 25;

function fillMessage(template: string, words: string): string {
  const shown = words.length > 60 ? `${words.slice(0, 57)}…` : words;
  return template.replace(/\{words\}/g, shown.replace(/\s+/g, ' '));
}

/** " The words that weigh most here: “bonus”, “execs”." for a model flag with cues. */
function cueNote(text: string, norm: NormalizedText, cues: Finding['cues']): string {
  if (!cues || cues.length === 0) return '';
  const words = cues.map((cue) => `“${text.slice(norm.starts[cue.start], norm.ends[cue.end - 1])}”`);
  return ` The words that weigh most here: ${words.join(', ')}.`;
}

const ruleOrders = new WeakMap<RuleBook, Map<Rule, number>>();

function ruleOrder(book: RuleBook): Map<Rule, number> {
  let order = ruleOrders.get(book);
  if (!order) {
    order = new Map(book.rules.map((rule, index) => [rule, index]));
    ruleOrders.set(book, order);
  }
  return order;
}

/**
 * What the rules found, per category: firm when any finding of it is firm (before
 * overlapping findings merge, so a firm hit absorbed into a soft one's span still counts).
 */
function evidenceOf(findings: readonly Finding[]): Map<RiskCategory, RuleEvidence> {
  const evidence = new Map<RiskCategory, RuleEvidence>();
  for (const finding of findings) {
    const category = finding.rule.category;
    if (evidence.get(category) !== 'firm') evidence.set(category, isFirm(finding.rule) ? 'firm' : 'soft');
  }
  return evidence;
}

/** What the rules alone find in a draft, per category: what the learned model weighs (used to train it). */
export function ruleEvidence(text: string, rules: RuleBook, policy?: OrgProfile): Map<RiskCategory, RuleEvidence> {
  const norm = normalizeText(text);
  return evidenceOf(findRisks(engineFor(rules, policy), norm, tokenize(norm.text), text));
}

/**
 * One finding per passage and category: overlapping findings of the same
 * category merge into one span (the more serious rule speaks for it), so
 * "revenue before the earnings call" is one flag, not two.
 */
function mergeOverlaps(findings: Finding[], book: RuleBook): Finding[] {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const order = ruleOrder(book);
  // Same span: the rule that comes first in the rule book, whatever order the matcher found them in.
  const position = (finding: Finding) => order.get(finding.rule) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end || position(a) - position(b));
  const kept: Finding[] = [];
  const open = new Map<string, Finding>();
  for (const finding of sorted) {
    const current = open.get(finding.rule.category);
    if (current && finding.start < current.end) {
      current.end = Math.max(current.end, finding.end);
      if (rank[finding.rule.severity] < rank[current.rule.severity]) current.rule = finding.rule;
      continue;
    }
    const copy = { ...finding };
    kept.push(copy);
    open.set(finding.rule.category, copy);
  }
  return kept;
}

/**
 * The learned second opinion over the rules' findings: per category, a
 * context-dependent rule hit the model finds very unlikely is dropped, and a
 * category the rules missed is added when the model is confident, on the
 * sentence that scores highest.
 */
function withModel(learned: LearnedReview, normalized: string, tokens: readonly Token[], findings: Finding[], evidence: ReadonlyMap<RiskCategory, RuleEvidence>, policy: OrgProfile | undefined): Finding[] {
  if (tokens.length === 0) return findings;
  const { model } = learned;
  const features = draftFeatures(tokens, placeholdersFor(policy), normalized);
  const probabilities = scoreFeatures(model, features.all);
  const vetoed = new Set<RiskCategory>();
  const added: Finding[] = [];
  let bySentence: { features: DraftFeatures; scores: Float64Array[] } | undefined;
  model.categories.forEach((category, k) => {
    const decision = decide(probabilities[k]!, model.thresholds[k]!, model.vetoes[k]!, evidence.get(category) ?? 'none');
    if (decision === 'vetoed') vetoed.add(category);
    if (decision !== 'model') return;
    const rule = learned.rules.get(category);
    if (!bySentence) {
      const withSentences = draftFeatures(tokens, placeholdersFor(policy), normalized, true);
      bySentence = { features: withSentences, scores: sentenceScores(model, withSentences) };
    }
    const sentence = bySentence.features.sentences[bestSentence(bySentence.scores, k)];
    if (!rule || !sentence) return;
    const cues = cueTokens(model, tokens, sentence.first, sentence.last, k, placeholdersFor(policy)).map((index) => ({ start: tokens[index]!.start, end: tokens[index]!.end }));
    added.push({ rule, start: tokens[sentence.first]!.start, end: tokens[sentence.last]!.end, cues });
  });
  return [...(vetoed.size === 0 ? findings : findings.filter((finding) => !vetoed.has(finding.rule.category))), ...added];
}

export function reviewDraft(text: string, options: ReviewOptions): ReviewResult {
  const { rules, policy, strategy, platform } = options;
  const norm = normalizeText(text);
  const tokenized = tokenize(norm.text);
  const engine = engineFor(rules, policy);
  const ignoredSentences = new Set((options.ignoredTerms ?? []).filter((term) => term.startsWith(SENTENCE_KEY_PREFIX)));
  const ignored = new Set(
    (options.ignoredTerms ?? [])
      .filter((term) => !term.startsWith(SENTENCE_KEY_PREFIX))
      .map((term) => normalizeText(term).text.trim())
      .filter((term) => term !== ''),
  );
  const replacements = new Map<Flag, string | undefined>();
  const flags: Flag[] = [];
  const found = findRisks(engine, norm, tokenized, text);
  const findings = mergeOverlaps(found, rules);
  for (const finding of rules.learned ? withModel(rules.learned, norm.text, tokenized.tokens, findings, evidenceOf(found), policy) : findings) {
    const start = norm.starts[finding.start]!;
    const end = norm.ends[finding.end - 1]!;
    const words = text.slice(start, end);
    const { rule } = finding;
    if (isModelRuleId(rule.id) ? ignoredSentences.has(ignoreKey(rule.id, words, options.fingerprintKey)) : ignored.has(norm.text.slice(finding.start, finding.end).trim())) continue;
    const flag: Flag = {
      category: rule.category,
      ruleId: rule.id,
      start,
      end,
      words,
      message: fillMessage(rule.message, words) + cueNote(text, norm, finding.cues),
      why: rule.why,
      suggestion: fillMessage(rule.suggestion, words),
      severity: rule.severity,
      audience: rule.audience,
    };
    flags.push(flag);
    replacements.set(flag, rule.replacement);
  }
  flags.sort(compareFlags);
  const shown = flags.slice(0, MAX_FLAGS).sort((a, b) => a.start - b.start || compareFlags(a, b));
  const audience = audienceOf(flags);
  const result: ReviewResult = {
    verdict: verdictOf(audience),
    audience,
    flags: shown,
    advice: adviceFor({ advice: rules.advice, text, flags: shown, audience, strategy, platform, policy }),
  };
  const rewrite = saferRewrite(text, shown, replacements);
  if (rewrite !== undefined) result.rewrite = rewrite;
  return result;
}
