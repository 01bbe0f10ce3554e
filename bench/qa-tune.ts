/**
 * Chooses the out-of-scope thresholds by 5-fold cross-validation on the TRAINING
 * examples only (the held-out set is not read here). Prints the sweep as a table.
 *   node --import tsx bench/qa-tune.ts
 */
import { classifyQuestion } from '../src/qa/answer-question.ts';
import { trainQaModel, type LabelledText } from '../src/qa/qa-model.ts';
import { loadBenchContent, score, trainingExamples } from './qa-data.ts';

const FOLDS = 5;
const examples = trainingExamples(loadBenchContent());
const folds: LabelledText[][] = Array.from({ length: FOLDS }, () => []);
examples.forEach((example, index) => folds[index % FOLDS]!.push(example));

const grid: Array<{ maxOutOfScope: number; minTopic: number }> = [];
for (const maxOutOfScope of [0.3, 0.4, 0.5, 0.6, 0.7]) for (const minTopic of [0.1, 0.15, 0.2, 0.25, 0.3]) grid.push({ maxOutOfScope, minTopic });

const predictions = grid.map(() => [] as string[]);
const gold: string[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const model = trainQaModel(folds.flatMap((part, index) => (index === fold ? [] : part)));
  for (const example of folds[fold]!) {
    gold.push(example.label);
    grid.forEach((thresholds, index) => predictions[index]!.push(classifyQuestion(model, example.text, thresholds).topic));
  }
}
const rows = grid.map((thresholds, index) => ({ ...thresholds, ...score(gold, predictions[index]!) }));
rows.sort((a, b) => b.top1 + b.oosF1 - (a.top1 + a.oosF1));
console.log(`5-fold cross-validation on ${examples.length} training examples`);
console.log('maxOutOfScope  minTopic  top-1   OOS-F1  OOS-P  OOS-R');
for (const row of rows.slice(0, 12)) {
  console.log(
    `${row.maxOutOfScope.toFixed(2).padStart(13)}  ${row.minTopic.toFixed(2).padStart(8)}  ${row.top1.toFixed(3)}  ${row.oosF1.toFixed(3)}   ${row.oosPrecision.toFixed(2)}   ${row.oosRecall.toFixed(2)}`,
  );
}
