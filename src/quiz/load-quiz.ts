import { join } from 'node:path';
import { STRATEGIES, type StrategyId } from '../core/types.ts';
import { TOPIC_IDS } from '../content/topics.ts';
import { ContentProblems, isRecord, isStringArray, nonEmptyString, readContentYaml } from '../content/validate.ts';
import type { Quiz } from './quiz-types.ts';

const FILE = 'quiz.yaml';
const ID = /^[a-z][a-z0-9-]{0,15}$/;

/** Loads and validates `content/quiz.yaml`. */
export function loadQuiz(dir: string, problems: ContentProblems): Quiz | undefined {
  const read = readContentYaml(join(dir, FILE), FILE, problems, 'file is missing');
  if (!read) return undefined;
  const { data } = read;
  const before = problems.problems.length;
  if (!isRecord(data)) {
    problems.add(FILE, 'must be a mapping with intro, tieOrder, questions and results');
    return undefined;
  }
  if (!nonEmptyString(data.intro)) problems.add(FILE, 'intro must be a string');
  const tieOrder = data.tieOrder;
  if (!isStringArray(tieOrder) || tieOrder.length !== STRATEGIES.length || !STRATEGIES.every((id) => tieOrder.includes(id))) {
    problems.add(FILE, `tieOrder must list each of ${STRATEGIES.join(', ')} once`);
  }
  const questions = data.questions;
  if (!Array.isArray(questions) || questions.length < 5 || questions.length > 7) {
    problems.add(FILE, 'questions must be a list of 5 to 7 questions');
  } else {
    const ids = new Set<string>();
    questions.forEach((question, index) => {
      const where = `questions[${index}]`;
      if (!isRecord(question) || !nonEmptyString(question.id) || !ID.test(question.id) || !nonEmptyString(question.text)) {
        problems.add(FILE, `${where} needs an id (lower-case, short) and a text`);
        return;
      }
      if (ids.has(question.id)) problems.add(FILE, `${where} duplicate question id "${question.id}"`);
      ids.add(question.id);
      const options = question.options;
      if (!Array.isArray(options) || options.length < 2 || options.length > 5) {
        problems.add(FILE, `${where} (${question.id}) needs 2 to 5 options`);
        return;
      }
      const optionIds = new Set<string>();
      options.forEach((option, optionIndex) => {
        const at = `${where}.options[${optionIndex}]`;
        if (!isRecord(option) || !nonEmptyString(option.id) || !ID.test(option.id) || !nonEmptyString(option.label) || !nonEmptyString(option.reason)) {
          problems.add(FILE, `${at} needs id, label and reason`);
          return;
        }
        if (option.label.length > 75) problems.add(FILE, `${at} label is longer than a button allows (75)`);
        if (optionIds.has(option.id)) problems.add(FILE, `${at} duplicate option id "${option.id}"`);
        optionIds.add(option.id);
        if (!isRecord(option.scores) || !Object.entries(option.scores).every(([key, value]) => (STRATEGIES as readonly string[]).includes(key) && typeof value === 'number')) {
          problems.add(FILE, `${at} scores must map strategies (${STRATEGIES.join(', ')}) to numbers`);
        }
      });
    });
  }
  const results = data.results;
  if (!isRecord(results)) problems.add(FILE, 'results must map each strategy to its result');
  else {
    for (const id of STRATEGIES) {
      const result = results[id];
      if (!isRecord(result) || !nonEmptyString(result.title) || !nonEmptyString(result.summary) || !nonEmptyString(result.mainRisk) || !isStringArray(result.firstSteps)) {
        problems.add(FILE, `results.${id} needs title, summary, firstSteps and mainRisk`);
      } else if (!nonEmptyString(result.topic) || !(TOPIC_IDS as readonly string[]).includes(result.topic)) {
        problems.add(FILE, `results.${id}.topic must be a topic id`);
      }
    }
  }
  if (problems.problems.length > before) return undefined;
  return data as unknown as Quiz;
}

export function isStrategyId(value: unknown): value is StrategyId {
  return typeof value === 'string' && (STRATEGIES as readonly string[]).includes(value);
}
