/**
 * Trains the review model from content/review/examples and writes
 * content/review/model.json. Deterministic: the same examples, rules and
 * settings give the same file.
 *
 *   npm run train:review            train and write the model
 *   npm run train:review -- --check exit 1 when the model is older than the examples
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT_DIR } from '../src/content/load-content.ts';
import { ContentProblems } from '../src/content/validate.ts';
import { loadPolicyFile } from '../src/review/load-policy.ts';
import { loadRules } from '../src/review/load-rules.ts';
import { modelDigest, trainingDrafts, EXAMPLES_DIR, MODEL_FILE } from '../src/review/model-training-set.ts';
import { DEFAULT_TRAIN_SETTINGS, formatModelFile, trainReviewModel } from '../src/review/train-model.ts';
import type { ReviewModelFile } from '../src/review/review-model.ts';
import { FEATURE_VERSION } from '../src/review/model-features.ts';

const contentDir = DEFAULT_CONTENT_DIR;
const modelPath = join(contentDir, MODEL_FILE);
const digest = modelDigest(contentDir, DEFAULT_TRAIN_SETTINGS);

if (process.argv.includes('--check')) {
  const stored = JSON.parse(readFileSync(modelPath, 'utf8')) as ReviewModelFile;
  if (stored.trainedOn?.sha256 !== digest) {
    console.error(`${modelPath} is older than the examples in ${join(contentDir, EXAMPLES_DIR)}: run npm run train:review`);
    process.exit(1);
  }
  console.log(`${modelPath} is up to date (${stored.trainedOn.drafts} drafts).`);
  process.exit(0);
}

const started = performance.now();
const problems = new ContentProblems();
const rules = loadRules(contentDir, problems, { withoutModel: true });
problems.throwIfAny();
const policy = loadPolicyFile(join(contentDir, EXAMPLES_DIR, 'policy.yaml'));
const drafts = trainingDrafts(contentDir, rules, policy);
const model = trainReviewModel(drafts, digest, FEATURE_VERSION);
writeFileSync(modelPath, formatModelFile(model));
const stored = Object.keys(model.weights).length;
console.log(`Trained on ${drafts.length} drafts in ${((performance.now() - started) / 1000).toFixed(1)} s; ${stored} features written to ${modelPath}.`);
console.log(`Thresholds: ${Object.entries(model.categories).map(([category, entry]) => `${category} ${entry.threshold}`).join(', ')}`);
