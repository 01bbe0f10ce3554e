/**
 * The learned second opinion: one logistic regression per risk category over
 * the features of model-features.ts, trained by `npm run train:review` on the
 * labelled drafts in content/review/examples and stored in
 * content/review/model.json. The rules find what they have words for; the model
 * catches the same risks phrased in ways no word list anticipated ("leadership
 * 'listens' and then does the opposite"), and overrules a context-dependent
 * rule hit it finds very unlikely ("tasted 46 wines" in a sommelier's post).
 * Firm hits (swear words, validated personal data, the profile's names) are
 * never overruled. Its own flag covers the sentence that scores highest, so the
 * person still sees where the risk is.
 */
import { RISK_CATEGORIES, type RiskCategory } from '../core/types.ts';
import { wordOf, type DraftFeatures, type Placeholders } from './model-features.ts';
import type { Token } from './tokenize.ts';

export interface ReviewModel {
  featureVersion: number;
  categories: RiskCategory[];
  /** Probability at or above which the model flags a category the rules missed (chosen by cross-validation on the training drafts; 1: never). */
  thresholds: Float64Array;
  /** Below this probability, a context-dependent rule hit of the category is dropped (0: never). */
  vetoes: Float64Array;
  bias: Float64Array;
  /** Feature → weights, one per category (same order as `categories`). */
  weights: Map<string, Float64Array>;
  trainedOn: { drafts: number; sha256: string };
}

/** The file as stored: per feature, one weight per category (in the order of `categories`). */
export interface ReviewModelFile {
  about: string;
  featureVersion: number;
  trainedOn: { drafts: number; sha256: string };
  settings: Record<string, number>;
  categories: Record<string, { threshold: number; veto: number; bias: number }>;
  weights: Record<string, number[]>;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Builds the in-memory model from the stored file; throws a message naming what is wrong. */
export function modelFromFile(file: ReviewModelFile): ReviewModel {
  if (typeof file !== 'object' || file === null || typeof file.categories !== 'object' || file.categories === null) throw new Error('not a review model (no "categories")');
  if (typeof file.featureVersion !== 'number') throw new Error('"featureVersion" is missing');
  const trained = file.trainedOn as unknown as Record<string, unknown> | undefined;
  if (typeof trained !== 'object' || trained === null || typeof trained.drafts !== 'number' || typeof trained.sha256 !== 'string') {
    throw new Error('"trainedOn" must give the number of drafts and their sha256');
  }
  const missing = RISK_CATEGORIES.filter((category) => !(category in file.categories));
  if (missing.length > 0) throw new Error(`categories missing: ${missing.join(', ')}`);
  const categories = [...RISK_CATEGORIES];
  const unknown = Object.keys(file.categories).filter((key) => !(RISK_CATEGORIES as readonly string[]).includes(key));
  if (unknown.length > 0) throw new Error(`unknown categories: ${unknown.join(', ')}`);
  const thresholds = new Float64Array(categories.length);
  const vetoes = new Float64Array(categories.length);
  const bias = new Float64Array(categories.length);
  const weights = new Map<string, Float64Array>();
  categories.forEach((category, k) => {
    const entry = file.categories[category]!;
    const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
    if (!finite(entry.threshold) || entry.threshold <= 0 || entry.threshold > 1) throw new Error(`${category}: "threshold" must be a number in (0, 1]`);
    if (!finite(entry.bias)) throw new Error(`${category}: "bias" must be a finite number`);
    if (!finite(entry.veto) || entry.veto < 0 || entry.veto >= entry.threshold) throw new Error(`${category}: "veto" must be a number from 0 to below the threshold`);
    thresholds[k] = entry.threshold;
    vetoes[k] = entry.veto;
    bias[k] = entry.bias;
  });
  if (typeof file.weights !== 'object' || file.weights === null) throw new Error('"weights" is missing');
  for (const [feature, row] of Object.entries(file.weights)) {
    if (!Array.isArray(row) || row.length !== categories.length || !row.every((weight) => typeof weight === 'number' && Number.isFinite(weight))) {
      throw new Error(`the weights of "${feature}" must be ${categories.length} numbers`);
    }
    weights.set(feature, Float64Array.from(row));
  }
  return { featureVersion: file.featureVersion, categories, thresholds, vetoes, bias, weights, trainedOn: file.trainedOn };
}

/** Probabilities for a list of features (each counted once), one per category. */
export function scoreFeatures(model: ReviewModel, features: readonly string[], out = new Float64Array(model.categories.length)): Float64Array {
  out.fill(0);
  const scale = 1 / Math.sqrt(Math.max(1, features.length));
  for (const feature of features) {
    const row = model.weights.get(feature);
    if (!row) continue;
    for (let k = 0; k < row.length; k += 1) out[k] = out[k]! + row[k]!;
  }
  for (let k = 0; k < out.length; k += 1) out[k] = sigmoid(model.bias[k]! + out[k]! * scale);
  return out;
}

/** Each sentence's probabilities (`features` built with sentences), to place a flag on the sentence that scores highest. */
export function sentenceScores(model: ReviewModel, features: DraftFeatures): Float64Array[] {
  return features.sentences.map((sentence) => scoreFeatures(model, sentence.features));
}

/** Index of the sentence that scores highest for category `k`; -1 when there is none. */
export function bestSentence(scores: readonly Float64Array[], k: number): number {
  let best = -1;
  let bestScore = -Infinity;
  scores.forEach((sentence, index) => {
    if (sentence[k]! > bestScore) {
      bestScore = sentence[k]!;
      best = index;
    }
  });
  return best;
}

/**
 * What the rules found for a category: nothing, only context-dependent hits the
 * model may overrule ("wines" in a sommelier's post), or a firm hit (a swear
 * word, a validated card number, a codename from the profile).
 */
export type RuleEvidence = 'none' | 'soft' | 'firm';

export type Decision = 'rules' | 'model' | 'vetoed' | 'none';

/** Rules and model together, for one category of one draft. */
export function decide(probability: number, threshold: number, veto: number, evidence: RuleEvidence): Decision {
  if (evidence === 'firm') return 'rules';
  if (evidence === 'soft') return probability >= veto ? 'rules' : 'vetoed';
  return threshold < 1 && probability >= threshold ? 'model' : 'none';
}

/** At most this many cue words are named in a model flag. */
const MAX_CUES = 3;
/** A word must add at least this much to the category's score to be named. */
const MIN_CUE_WEIGHT = 0.5;
/** Function words (as stems) never named as cues: they carry weight only with their neighbours. */
const NOT_CUES = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'for', 'at', 'with', 'by', 'from', 'as', 'so', 'it', 'is', 'be', 'are', 'wa', 'were', 'thi', 'that',
  'where', 'what', 'when', 'why', 'how', 'who', 'which', 'there', 'here', 'they', 'them', 'their', 'we', 'our', 'us', 'i', 'me', 'my', 'you', 'your', 'he', 'she',
  'hi', 'her', 'about', 'just', 'yet', 'still', 'again', 'veri', 'realli', 'then', 'than', 'also', 'some', 'ani', 'all', 'can', 'will', 'would', 'do', 'did', 'have', 'ha',
]);

/**
 * The words of a sentence that weigh most for category `k` (token indexes, in
 * text order): what the model's flag names, so the person sees why it spoke.
 */
export function cueTokens(model: ReviewModel, tokens: readonly Token[], first: number, last: number, k: number, placeholders: Placeholders): number[] {
  const best = new Map<string, { index: number; weight: number }>();
  for (let i = first; i <= last; i += 1) {
    const word = wordOf(tokens[i]!, placeholders);
    if (word === undefined || word.startsWith('<') || NOT_CUES.has(word)) continue;
    const weight = model.weights.get(`w:${word}`)?.[k] ?? 0;
    if (weight >= MIN_CUE_WEIGHT && !best.has(word)) best.set(word, { index: i, weight });
  }
  return [...best.values()]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_CUES)
    .map((cue) => cue.index)
    .sort((a, b) => a - b);
}
