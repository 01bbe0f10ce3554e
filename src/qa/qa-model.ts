import { extractFeatures, type SparseVector } from './features.ts';

/**
 * A small multinomial logistic regression over TF-IDF weighted features, trained
 * in-process from the knowledge base's example questions (no network, no model
 * files). Training is deterministic: a seeded shuffle and fixed epochs.
 */
export interface LabelledText {
  label: string;
  text: string;
}

export interface QaModel {
  labels: string[];
  idf: Map<string, number>;
  /** weights[feature][labelIndex] */
  weights: Map<string, Float64Array>;
  bias: Float64Array;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

function vectorize(raw: SparseVector, idf: Map<string, number>): SparseVector {
  const out: SparseVector = new Map();
  let norm = 0;
  for (const [key, count] of raw) {
    const weight = idf.get(key);
    if (weight === undefined) continue;
    const value = (count > 1 ? 1 + Math.log(count) : count) * weight;
    out.set(key, value);
    norm += value * value;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [key, value] of out) out.set(key, value / norm);
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let sum = 0;
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    out[i] = Math.exp(scores[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  return out;
}

function scoresFor(model: QaModel, vector: SparseVector): Float64Array {
  const scores = Float64Array.from(model.bias);
  for (const [key, value] of vector) {
    const row = model.weights.get(key);
    if (!row) continue;
    for (let k = 0; k < scores.length; k++) scores[k] = scores[k]! + row[k]! * value;
  }
  return scores;
}

export function trainQaModel(examples: readonly LabelledText[], options: TrainOptions = {}): QaModel {
  const { epochs = 40, learningRate = 0.8, l2 = 1e-5, seed = 7 } = options;
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const raws = examples.map((example) => extractFeatures(example.text));
  const df = new Map<string, number>();
  for (const raw of raws) for (const key of raw.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [key, count] of df) idf.set(key, Math.log((raws.length + 1) / (count + 1)) + 1);
  const model: QaModel = { labels, idf, weights: new Map(), bias: new Float64Array(labels.length) };
  const data = raws.map((raw, index) => ({ vector: vectorize(raw, idf), label: labelIndex.get(examples[index]!.label)! }));
  for (const { vector } of data) for (const key of vector.keys()) if (!model.weights.has(key)) model.weights.set(key, new Float64Array(labels.length));
  const random = mulberry32(seed);
  const order = data.map((_, index) => index);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = learningRate / (1 + epoch * 0.1);
    for (const index of order) {
      const { vector, label } = data[index]!;
      const probabilities = softmax(scoresFor(model, vector));
      for (let k = 0; k < labels.length; k++) {
        const gradient = probabilities[k]! - (k === label ? 1 : 0);
        model.bias[k] = model.bias[k]! - rate * gradient * 0.1;
        for (const [key, value] of vector) {
          const row = model.weights.get(key)!;
          row[k] = row[k]! - rate * (gradient * value + l2 * row[k]!);
        }
      }
    }
  }
  return model;
}

export interface Prediction {
  label: string;
  probability: number;
  /** Every label with its probability, best first. */
  ranking: Array<{ label: string; probability: number }>;
  /** Share of the question's features the model has seen (0 = nothing recognizable). */
  coverage: number;
}

export function predict(model: QaModel, text: string): Prediction {
  const raw = extractFeatures(text);
  const vector = vectorize(raw, model.idf);
  let known = 0;
  let total = 0;
  for (const key of raw.keys()) {
    if (!key.startsWith('w:')) continue;
    total++;
    if (model.idf.has(key)) known++;
  }
  const probabilities = softmax(scoresFor(model, vector));
  const ranking = model.labels
    .map((label, index) => ({ label, probability: probabilities[index]! }))
    .sort((a, b) => b.probability - a.probability);
  return { label: ranking[0]!.label, probability: ranking[0]!.probability, ranking, coverage: total === 0 ? 0 : known / total };
}
