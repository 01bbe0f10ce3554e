import { extractFeatures, type SparseVector } from './features.ts';
import { seededRandom } from '../nlp/seeded-random.ts';

/**
 * A small multinomial logistic regression over TF-IDF weighted features, trained
 * in-process from the knowledge base's example questions (no network, no model
 * files). Training is deterministic: a seeded shuffle and fixed epochs. Features
 * are indexed once so training is a tight loop over typed arrays.
 */
export interface LabelledText {
  label: string;
  text: string;
}

interface IndexedVector {
  index: Int32Array;
  value: Float64Array;
}

export interface QaModel {
  labels: string[];
  featureIndex: Map<string, number>;
  idf: Float64Array;
  /** weights[feature * labels.length + label] */
  weights: Float64Array;
  bias: Float64Array;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

function vectorize(raw: SparseVector, featureIndex: Map<string, number>, idf: Float64Array): IndexedVector {
  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [key, count] of raw) {
    const index = featureIndex.get(key);
    if (index === undefined) continue;
    const value = (count > 1 ? 1 + Math.log(count) : count) * idf[index]!;
    indices.push(index);
    values.push(value);
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  return { index: Int32Array.from(indices), value: Float64Array.from(values, (value) => value / norm) };
}

function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp(scores[i]! - max);
    sum += scores[i]!;
  }
  for (let i = 0; i < scores.length; i++) scores[i] = scores[i]! / sum;
}

function scoresInto(model: Pick<QaModel, 'weights' | 'bias'>, vector: IndexedVector, out: Float64Array): void {
  const labels = out.length;
  out.set(model.bias);
  for (let i = 0; i < vector.index.length; i++) {
    const base = vector.index[i]! * labels;
    const value = vector.value[i]!;
    for (let k = 0; k < labels; k++) out[k] = out[k]! + model.weights[base + k]! * value;
  }
}

export function trainQaModel(examples: readonly LabelledText[], options: TrainOptions = {}): QaModel {
  const { epochs = 30, learningRate = 1, l2 = 1e-5, seed = 7 } = options;
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const raws = examples.map((example) => extractFeatures(example.text));
  const df = new Map<string, number>();
  for (const raw of raws) for (const key of raw.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const featureIndex = new Map<string, number>();
  const idf = new Float64Array(df.size);
  for (const [key, count] of df) {
    idf[featureIndex.size] = Math.log((raws.length + 1) / (count + 1)) + 1;
    featureIndex.set(key, featureIndex.size);
  }
  const K = labels.length;
  const model: QaModel = {
    labels,
    featureIndex,
    idf,
    weights: new Float64Array(featureIndex.size * K),
    bias: new Float64Array(K),
  };
  const data = raws.map((raw, index) => ({ vector: vectorize(raw, featureIndex, idf), label: labelIndex.get(examples[index]!.label)! }));
  const random = seededRandom(seed);
  const order = data.map((_, index) => index);
  const probabilities = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = learningRate / (1 + epoch * 0.1);
    for (const exampleIndex of order) {
      const { vector, label } = data[exampleIndex]!;
      scoresInto(model, vector, probabilities);
      softmaxInPlace(probabilities);
      probabilities[label] = probabilities[label]! - 1; // now the gradient
      for (let k = 0; k < K; k++) model.bias[k] = model.bias[k]! - rate * 0.1 * probabilities[k]!;
      for (let i = 0; i < vector.index.length; i++) {
        const base = vector.index[i]! * K;
        const value = vector.value[i]!;
        for (let k = 0; k < K; k++) {
          const w = model.weights[base + k]!;
          model.weights[base + k] = w - rate * (probabilities[k]! * value + l2 * w);
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
  /** Share of the question's words the model has seen (0 = nothing recognizable). */
  coverage: number;
}

export function predict(model: QaModel, text: string): Prediction {
  const raw = extractFeatures(text);
  const vector = vectorize(raw, model.featureIndex, model.idf);
  let known = 0;
  let total = 0;
  for (const key of raw.keys()) {
    if (!key.startsWith('w:')) continue;
    total++;
    if (model.featureIndex.has(key)) known++;
  }
  const probabilities = new Float64Array(model.labels.length);
  scoresInto(model, vector, probabilities);
  softmaxInPlace(probabilities);
  const ranking = model.labels
    .map((label, index) => ({ label, probability: probabilities[index]! }))
    .sort((a, b) => b.probability - a.probability);
  return { label: ranking[0]!.label, probability: ranking[0]!.probability, ranking, coverage: total === 0 ? 0 : known / total };
}
