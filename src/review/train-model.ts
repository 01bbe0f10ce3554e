/**
 * Trains the review model (review-model.ts) from labelled drafts: one logistic
 * regression per category, all updated in one pass per draft by stochastic
 * gradient descent (seeded shuffle, fixed epochs: the same drafts give the same
 * file). Thresholds come from 5-fold cross-validation on the training drafts
 * only: per category, the probability above which the model adds a flag and
 * the one below which it drops a context-dependent rule hit, chosen for the
 * best F1 of rules and model together, within a budget of benign drafts flagged.
 */
import { RISK_CATEGORIES, type RiskCategory } from '../core/types.ts';
import type { DraftFeatures } from './model-features.ts';
import { decide, type ReviewModelFile, type RuleEvidence } from './review-model.ts';
import { WORD_CATEGORIES } from './rule-types.ts';
import { seededRandom } from '../nlp/seeded-random.ts';

export interface TrainingDraft {
  features: DraftFeatures;
  categories: readonly RiskCategory[];
  /** What the rules alone found in this draft, per category (absent: nothing). */
  rules: ReadonlyMap<RiskCategory, RuleEvidence>;
  /**
   * Used to choose thresholds and vetoes. Not for drafts the rules were developed
   * on: there the rules look better than they are on new drafts.
   */
  calibrate: boolean;
}

export interface TrainSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Features seen in fewer drafts than this are dropped. */
  minDrafts: number;
  folds: number;
  /** Thresholds are never below this. */
  minThreshold: number;
  /** Share of the benign training drafts the model may flag, per category (out of fold). */
  benignBudget: number;
  /** What flagging a benign draft costs, against F1, per share of benign drafts (rules and model together). */
  benignWeight: number;
  seed: number;
}

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = { epochs: 40, learningRate: 3, l2: 1e-4, minDrafts: 2, folds: 5, minThreshold: 0.5, benignBudget: 0.004, benignWeight: 5, seed: 11 };

/** Stored weights smaller than this are dropped (they move no probability measurably). */
const MIN_STORED_WEIGHT = 0.005;

interface Indexed {
  features: Int32Array;
  scale: number;
  labels: Uint8Array;
}

interface Weights {
  w: Float64Array;
  bias: Float64Array;
}

function fit(data: readonly Indexed[], featureCount: number, settings: TrainSettings): Weights {
  const K = RISK_CATEGORIES.length;
  const w = new Float64Array(featureCount * K);
  const bias = new Float64Array(K);
  const positives = new Float64Array(K);
  for (const item of data) for (let k = 0; k < K; k += 1) positives[k] = positives[k]! + item.labels[k]!;
  // Rare categories weigh their positives up (square root of the imbalance), so they are learned at all.
  const positiveWeight = Float64Array.from(positives, (count) => (count === 0 ? 1 : Math.sqrt((data.length - count) / count)));
  const random = seededRandom(settings.seed);
  const order = data.map((_, index) => index);
  const gradient = new Float64Array(K);
  for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = settings.learningRate / (1 + epoch * 0.2);
    for (const index of order) {
      const { features, scale, labels } = data[index]!;
      for (let k = 0; k < K; k += 1) {
        let z = bias[k]!;
        for (let f = 0; f < features.length; f += 1) z += w[features[f]! * K + k]! * scale;
        const p = 1 / (1 + Math.exp(-z));
        gradient[k] = labels[k] ? (p - 1) * positiveWeight[k]! : p;
        bias[k] = bias[k]! - rate * 0.1 * gradient[k]!;
      }
      for (let f = 0; f < features.length; f += 1) {
        const base = features[f]! * K;
        for (let k = 0; k < K; k += 1) {
          const old = w[base + k]!;
          w[base + k] = old - rate * (gradient[k]! * scale + settings.l2 * old);
        }
      }
    }
  }
  return { w, bias };
}

function probabilities(weights: Weights, item: Indexed): Float64Array {
  const K = RISK_CATEGORIES.length;
  const out = new Float64Array(K);
  for (let k = 0; k < K; k += 1) {
    let z = weights.bias[k]!;
    for (let f = 0; f < item.features.length; f += 1) z += weights.w[item.features[f]! * K + k]! * item.scale;
    out[k] = 1 / (1 + Math.exp(-z));
  }
  return out;
}

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Vetoes tried for context-dependent rule hits (0: the rules always stand). */
const VETOES = [0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3];

/**
 * The threshold and veto with the best score of rules and model together on
 * out-of-fold probabilities: F1, less `benignWeight` times the share of benign
 * drafts flagged (the middle of the best plateau when several thresholds tie),
 * among those where the model's own additions flag at most `benignBudget` of
 * the benign drafts. A category without positive drafts is
 * never added by the model (0.99) nor vetoed; the categories words decide
 * (swearing, personal data) are left to the rules (1: never).
 */
function chooseDecision(drafts: readonly TrainingDraft[], oof: readonly Float64Array[], k: number, settings: TrainSettings): { threshold: number; veto: number } {
  const category = RISK_CATEGORIES[k]!;
  if (WORD_CATEGORIES.has(category)) return { threshold: 1, veto: 0 };
  const used = drafts.map((draft, index) => ({ draft, p: oof[index]![k]! })).filter(({ draft }) => draft.calibrate);
  if (!used.some(({ draft }) => draft.categories.includes(category))) return { threshold: 0.99, veto: 0 };
  const benign = used.filter(({ draft }) => draft.categories.length === 0).length;
  let best = { score: -1, choices: [{ threshold: 0.99, veto: 0 }] };
  for (const veto of VETOES) {
    for (let step = Math.round(settings.minThreshold * 100); step <= 99; step += 1) {
      const threshold = step / 100;
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let benignAdded = 0;
      let benignFlagged = 0;
      for (const { draft, p } of used) {
        const decision = decide(p, threshold, veto, draft.rules.get(category) ?? 'none');
        const predicted = decision === 'rules' || decision === 'model';
        const expected = draft.categories.includes(category);
        if (decision === 'model' && draft.categories.length === 0) benignAdded += 1;
        if (predicted && draft.categories.length === 0) benignFlagged += 1;
        if (predicted && expected) tp += 1;
        else if (predicted) fp += 1;
        else if (expected) fn += 1;
      }
      if (benignAdded > settings.benignBudget * benign) continue;
      const score = f1(tp, fp, fn) - settings.benignWeight * (benignFlagged / Math.max(1, benign));
      if (score > best.score + 1e-9) best = { score, choices: [{ threshold, veto }] };
      else if (Math.abs(score - best.score) <= 1e-9 && best.choices[0]!.veto === veto) best.choices.push({ threshold, veto });
    }
  }
  return best.choices[Math.floor(best.choices.length / 2)]!;
}

export function trainReviewModel(drafts: readonly TrainingDraft[], sha256: string, featureVersion: number, settings: TrainSettings = DEFAULT_TRAIN_SETTINGS): ReviewModelFile {
  const K = RISK_CATEGORIES.length;
  const df = new Map<string, number>();
  for (const draft of drafts) for (const feature of draft.features.all) df.set(feature, (df.get(feature) ?? 0) + 1);
  const names = [...df].filter(([, count]) => count >= settings.minDrafts).map(([name]) => name).sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const data: Indexed[] = drafts.map((draft) => {
    const features: number[] = [];
    for (const feature of draft.features.all) {
      const at = index.get(feature);
      if (at !== undefined) features.push(at);
    }
    return {
      features: Int32Array.from(features),
      // The same scale as at review time: every feature of the draft counts, known or not.
      scale: 1 / Math.sqrt(Math.max(1, draft.features.all.length)),
      labels: Uint8Array.from(RISK_CATEGORIES, (category) => (draft.categories.includes(category) ? 1 : 0)),
    };
  });

  const oof: Float64Array[] = data.map(() => new Float64Array(K));
  for (let fold = 0; fold < settings.folds; fold += 1) {
    const train = data.filter((_, i) => i % settings.folds !== fold);
    const weights = fit(train, names.length, settings);
    data.forEach((item, i) => {
      if (i % settings.folds === fold) oof[i] = probabilities(weights, item);
    });
  }
  const final = fit(data, names.length, settings);

  const categories: ReviewModelFile['categories'] = {};
  RISK_CATEGORIES.forEach((category, k) => {
    const { threshold, veto } = chooseDecision(drafts, oof, k, settings);
    categories[category] = { threshold, veto, bias: round(final.bias[k]!) };
  });
  const weights: ReviewModelFile['weights'] = {};
  names.forEach((name, f) => {
    const row = Array.from(final.w.subarray(f * K, (f + 1) * K), round);
    if (row.some((weight) => weight !== 0)) weights[name] = row;
  });
  return {
    about: 'Generated by `npm run train:review` from content/review/examples: do not edit by hand (see docs/rules.md).',
    featureVersion,
    trainedOn: { drafts: drafts.length, sha256 },
    settings: { ...settings },
    categories,
    weights,
  };
}

/** Two decimals: the file stays small and reviewable, and no probability moves by more than a rounding error. */
function round(weight: number): number {
  const rounded = Math.round(weight * 100) / 100;
  return Math.abs(rounded) < MIN_STORED_WEIGHT ? 0 : rounded;
}

/** The model file as JSON: one line per feature, so a retrained model's diff shows what changed. */
export function formatModelFile(file: ReviewModelFile): string {
  const { weights, ...head } = file;
  const rows = Object.entries(weights).map(([name, row]) => `  ${JSON.stringify(name)}: ${JSON.stringify(row)}`);
  const headJson = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  return `${headJson},\n "weights": {\n${rows.join(',\n')}\n }\n}\n`;
}
