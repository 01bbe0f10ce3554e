/** Shared loading for the question-answering benchmarks. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadContent, type Content } from '../src/content/load-content.ts';
import { OUT_OF_SCOPE } from '../src/content/topics.ts';
import type { LabelledText } from '../src/qa/qa-model.ts';

export const HELDOUT_FILE = fileURLToPath(new URL('../test/fixtures/qa-heldout.yaml', import.meta.url));
/** A second held-out set, written by someone else after the model was built, evaluated once. */
export const BLIND_FILE = fileURLToPath(new URL('../test/fixtures/qa-blind.yaml', import.meta.url));

export function trainingExamples(content: Content): LabelledText[] {
  return [
    ...content.topics.flatMap((topic) => topic.examples.map((text) => ({ label: topic.id as string, text }))),
    ...content.outOfScope.map((text) => ({ label: OUT_OF_SCOPE, text })),
  ];
}

export function normalizeForComparison(text: string): string {
  return text.trim().toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ');
}

/**
 * The held-out questions: written separately from the training examples and never
 * used to train or tune. The two were written independently, so a few short ones
 * ("custom strategy") coincide with a training example; those are dropped here so
 * the score measures only phrasings the model has not seen.
 */
export function heldOutQuestions(content: Content, file: string = HELDOUT_FILE): LabelledText[] {
  const training = new Set(trainingExamples(content).map((example) => normalizeForComparison(example.text)));
  const data = parseYaml(readFileSync(file, 'utf8')) as Array<{ topic: string; text: string }>;
  return data.filter((row) => !training.has(normalizeForComparison(row.text))).map((row) => ({ label: row.topic, text: row.text }));
}

export interface Scores {
  /** Top-1 accuracy on in-scope questions (an out-of-scope answer counts as wrong). */
  top1: number;
  /** F1 of the out-of-scope label. */
  oosF1: number;
  oosPrecision: number;
  oosRecall: number;
}

export function score(gold: readonly string[], predicted: readonly string[]): Scores {
  let inScope = 0;
  let correct = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((label, index) => {
    const guess = predicted[index];
    const isOos = label === OUT_OF_SCOPE;
    const saidOos = guess === OUT_OF_SCOPE;
    if (!isOos) {
      inScope++;
      if (guess === label) correct++;
    }
    if (isOos && saidOos) tp++;
    else if (!isOos && saidOos) fp++;
    else if (isOos && !saidOos) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return {
    top1: inScope === 0 ? 0 : correct / inScope,
    oosF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    oosPrecision: precision,
    oosRecall: recall,
  };
}

export function loadBenchContent(): Content {
  return loadContent();
}
