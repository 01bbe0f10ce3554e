/**
 * Loads the learned second opinion: content/review/model.json (written by
 * `npm run train:review`) and content/review/model-flags.yaml (what a reply
 * says when the model, not a rule, finds a risk). The flag's why, suggestion,
 * severity and audience are the category's (its rule file's `defaults`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RISK_CATEGORIES, type RiskCategory } from '../core/types.ts';
import { isRecord, nonEmptyString, readContentYaml, type ContentProblems } from '../content/validate.ts';
import { MODEL_RULE_PREFIX } from './ignore-key.ts';
import { FEATURE_VERSION } from './model-features.ts';
import { modelFromFile, type ReviewModel, type ReviewModelFile } from './review-model.ts';
import { categoryRule, type CategoryInfo, type Rule } from './rule-types.ts';

export interface LearnedReview {
  model: ReviewModel;
  /** The rule each of the model's flags speaks for, per category. */
  rules: Map<RiskCategory, Rule>;
}

const MODEL = 'review/model.json';
const FLAGS = 'review/model-flags.yaml';

export function loadModel(dir: string, categories: readonly CategoryInfo[], problems: ContentProblems): LearnedReview | undefined {
  const modelPath = join(dir, MODEL);
  if (!existsSync(modelPath)) {
    problems.add(MODEL, 'is missing: run `npm run train:review` to train it from review/examples');
    return undefined;
  }
  let model: ReviewModel;
  try {
    model = modelFromFile(JSON.parse(readFileSync(modelPath, 'utf8')) as ReviewModelFile);
  } catch (error) {
    problems.add(MODEL, `is not a valid model (${(error as Error).message}): run \`npm run train:review\``);
    return undefined;
  }
  if (model.featureVersion !== FEATURE_VERSION) {
    problems.add(MODEL, `was trained on features version ${model.featureVersion}, this code computes version ${FEATURE_VERSION}: run \`npm run train:review\``);
    return undefined;
  }
  let messages: Record<string, unknown> = {};
  const read = readContentYaml(join(dir, FLAGS), FLAGS, problems, 'is missing: it holds what a reply says for each category the model flags');
  if (read && (!isRecord(read.data) || !isRecord(read.data.messages))) problems.add(FLAGS, 'must have `messages:`, one per risk category');
  else if (read && isRecord(read.data) && isRecord(read.data.messages)) messages = read.data.messages;
  const rules = new Map<RiskCategory, Rule>();
  RISK_CATEGORIES.forEach((category, k) => {
    const message = messages[category];
    const info = categories.find((item) => item.category === category);
    if (model.thresholds[k]! >= 1) return; // the model never flags it (swearing and personal data are left to the rules)
    if (!nonEmptyString(message)) {
      if (Object.keys(messages).length > 0) problems.add(FLAGS, `messages.${category} is missing`);
      return;
    }
    if (!/may|might|could/i.test(message)) problems.add(FLAGS, `messages.${category} must be hedged ("may", "might" or "could"): the model can be wrong`);
    if (!info) return;
    rules.set(category, categoryRule(info, { id: `${MODEL_RULE_PREFIX}${category}`, file: FLAGS, firm: false, message }));
  });
  const unknown = Object.keys(messages).filter((key) => !(RISK_CATEGORIES as readonly string[]).includes(key));
  if (unknown.length > 0) problems.add(FLAGS, `unknown categories: ${unknown.join(', ')}`);
  return { model, rules };
}
