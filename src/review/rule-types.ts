/**
 * The rule book: the review rules of `content/rules/*.yaml` (one file per risk
 * category) and the advice of `content/review/advice.yaml`, loaded and validated.
 * See docs/rules.md for the table generated from this data.
 */
import type { LearnedReview } from './load-model.ts';
import type { Audience, RiskCategory, SocialPlatform, StrategyId } from '../core/types.ts';

export type Severity = 'low' | 'medium' | 'high';

/** The built-in validators for personal data (src/review/detect-personal-data.ts). */
export const DETECTORS = ['email', 'phone', 'card', 'ssn', 'iban', 'street-address', 'door-code', 'id-number', 'secret'] as const;
export type DetectorName = (typeof DETECTORS)[number];

/** Which names of the organization profile a rule adds to its terms. */
export const POLICY_TERM_SOURCES = ['organization', 'clients', 'codenames'] as const;
export type PolicyTermSource = (typeof POLICY_TERM_SOURCES)[number];

/** One rule: what triggers it, the context it needs, and what the person is told. */
export interface Rule {
  id: string;
  category: RiskCategory;
  /** The file it came from, for error messages and docs. */
  file: string;
  /** Words or phrases; a trailing `*` on a word matches any ending ("hungover", "wast*"). `{org}` stands for the company's names. */
  terms: string[];
  /** Regular expressions over the normalized, lower-cased text (checked for catastrophic backtracking at load). */
  patterns: RegExp[];
  detector?: DetectorName;
  /** Names from the organization profile added to `terms`. */
  policyTerms: PolicyTermSource[];
  /** Context required in the same sentence (or within `within` words of the match). */
  near: string[];
  within?: number;
  /** With `near`: a negative sentence (AFINN) also counts as the context. */
  sentiment?: 'negative';
  /** Words that, in the same sentence, cancel the rule ("published", "grateful"). */
  unless: string[];
  /** Only when the sentence is about the writer ("I", "my", "we"…). */
  firstPerson: boolean;
  /** Not when a negation ("not", "never", "no"…) comes just before the match. */
  negatable: boolean;
  /** Match the terms exactly as written (case included), e.g. "af" but not "AF". */
  caseSensitive: boolean;
  /** The words decide: the learned model never overrules this rule (slurs). */
  firm: boolean;
  /** `{words}` is replaced with the flagged words. */
  message: string;
  why: string;
  suggestion: string;
  /** Replacement used in the safer rewrite ('' removes the words); absent: the words are replaced by "[…]". */
  replacement?: string;
  severity: Severity;
  audience: Audience;
  /** Examples for docs and tests. */
  examples: { flagged: string[]; fine: string[] };
}

export interface CategoryInfo {
  category: RiskCategory;
  file: string;
  title: string;
  description: string;
  /** Defaults for rules added from the organization profile's `extraTerms`. */
  message: string;
  why: string;
  suggestion: string;
  severity: Severity;
  audience: Audience;
}

export interface PlatformAdvice {
  name: string;
  /** Longest post in characters. */
  limit: number;
  limitNote: string;
  personal: string;
  nobody: string;
}

export interface AdviceBook {
  platforms: Record<SocialPlatform, PlatformAdvice>;
  strategies: Record<StrategyId, { personal: string; nobody: string; everyone: string }>;
  general: { personal: string; nobody: string; everyone: string; noPlatform: string };
  /** Per category, one line of what to do instead, shown once per review. */
  categories: Partial<Record<RiskCategory, string>>;
  /** Templates using the organization profile: {commsContact}, {policyUrl}, {disclaimer}. */
  policy: { commsContact: string; policyUrl: string; disclaimer: string };
}

export interface RuleBook {
  categories: CategoryInfo[];
  rules: Rule[];
  advice: AdviceBook;
  /** The learned second opinion (content/review/model.json); absent when loaded without it. */
  learned?: LearnedReview;
  /** Words that negate a following match ("not drunk"). */
  negators: string[];
}

/** Categories decided by the words alone: a swear word is one whatever the context, a valid card number is one. The learned model neither adds nor overrules them. */
export const WORD_CATEGORIES: ReadonlySet<RiskCategory> = new Set(['profanity', 'personal-data']);

/**
 * A firm rule is never overruled by the learned model: rules marked `firm`
 * (slurs), patterns and validators, the organization profile's names and terms,
 * and the categories words decide.
 */
export function isFirm(rule: Rule): boolean {
  return rule.firm || rule.patterns.length > 0 || rule.detector !== undefined || rule.policyTerms.length > 0 || rule.file === 'policy' || WORD_CATEGORIES.has(rule.category);
}

/**
 * A rule made from a category's defaults rather than a rule file: the
 * profile's extra terms (`terms`), or the learned model's flags (no terms).
 */
export function categoryRule(info: CategoryInfo, fields: { id: string; file: string; terms?: string[]; firm: boolean; message?: string }): Rule {
  return {
    id: fields.id,
    category: info.category,
    file: fields.file,
    terms: fields.terms ?? [],
    patterns: [],
    policyTerms: [],
    near: [],
    unless: [],
    firstPerson: false,
    negatable: false,
    caseSensitive: false,
    firm: fields.firm,
    message: fields.message ?? info.message,
    why: info.why,
    suggestion: info.suggestion,
    severity: info.severity,
    audience: info.audience,
    examples: { flagged: [], fine: [] },
  };
}
