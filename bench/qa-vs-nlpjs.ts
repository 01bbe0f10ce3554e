/**
 * Question answering: social-check vs NLP.js (node-nlp), trained on the same
 * examples, scored on the same held-out questions, in one run.
 *   node --import tsx bench/qa-vs-nlpjs.ts
 */
import { createRequire } from 'node:module';
import { OUT_OF_SCOPE } from '../src/content/topics.ts';
import { classifyQuestion, trainQuestionModel } from '../src/qa/answer-question.ts';
import { BLIND_FILE, heldOutQuestions, loadBenchContent, score, trainingExamples, type Scores } from './qa-data.ts';

interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
}

const require = createRequire(import.meta.url);
const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpManagerLike };

const content = loadBenchContent();
const training = trainingExamples(content);
const sets = { 'held-out': heldOutQuestions(content), blind: heldOutQuestions(content, BLIND_FILE) };
const heldOut = [...sets['held-out'], ...sets.blind];

function row(name: string, scores: Scores, trainMs: number, perQuestionMs: number): string {
  return `| ${name.padEnd(34)} | ${(scores.top1 * 100).toFixed(1).padStart(5)}% | ${scores.oosF1.toFixed(3)} | ${scores.oosPrecision.toFixed(2)} | ${scores.oosRecall.toFixed(2)} | ${trainMs.toFixed(0).padStart(6)} | ${perQuestionMs.toFixed(3).padStart(7)} |`;
}

let start = performance.now();
const model = trainQuestionModel(content);
const ourTrain = performance.now() - start;
start = performance.now();
const ours = heldOut.map((question) => classifyQuestion(model, question.text).topic);
const ourPredict = (performance.now() - start) / heldOut.length;

async function nlpjs(withOutOfScopeExamples: boolean): Promise<{ predictions: string[]; trainMs: number; perQuestionMs: number }> {
  const manager = new NlpManager({ languages: ['en'], forceNER: false, nlu: { log: false }, autoSave: false, modelFileName: '/dev/null' });
  for (const example of training) {
    if (example.label === OUT_OF_SCOPE) {
      // NLP.js's own out-of-scope answer is the intent "None" (below its threshold).
      if (withOutOfScopeExamples) manager.addDocument('en', example.text, 'None');
      continue;
    }
    manager.addDocument('en', example.text, example.label);
  }
  let begin = performance.now();
  await manager.train();
  const trainMs = performance.now() - begin;
  begin = performance.now();
  const predictions: string[] = [];
  for (const question of heldOut) {
    const result = await manager.process('en', question.text);
    predictions.push(result.intent === 'None' || !result.intent ? OUT_OF_SCOPE : result.intent);
  }
  return { predictions, trainMs, perQuestionMs: (performance.now() - begin) / heldOut.length };
}

const nlpWith = await nlpjs(true);
const nlpWithout = await nlpjs(false);

console.log(`Training examples: ${training.length}. Same examples for both systems.`);
console.log('| set               | system                             |  top-1 | OOS-F1 | OOS-P | OOS-R | train ms | ms/question |');
console.log('|-------------------|------------------------------------|--------|--------|-------|-------|----------|-------------|');
let offset = 0;
for (const [name, questions] of Object.entries(sets)) {
  const gold = questions.map((question) => question.label);
  const slice = (predictions: string[]) => predictions.slice(offset, offset + questions.length);
  const label = `${name} (${gold.filter((g) => g !== OUT_OF_SCOPE).length}+${gold.filter((g) => g === OUT_OF_SCOPE).length})`.padEnd(17);
  console.log(`| ${label} ${row('social-check', score(gold, slice(ours)), ourTrain, ourPredict)}`);
  console.log(`| ${label} ${row('NLP.js (out-of-scope as None)', score(gold, slice(nlpWith.predictions)), nlpWith.trainMs, nlpWith.perQuestionMs)}`);
  console.log(`| ${label} ${row('NLP.js (its own None threshold)', score(gold, slice(nlpWithout.predictions)), nlpWithout.trainMs, nlpWithout.perQuestionMs)}`);
  offset += questions.length;
}
