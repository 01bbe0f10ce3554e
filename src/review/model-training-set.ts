/**
 * The review model's training set: the labelled drafts of
 * content/review/examples turned into features, with the categories the rules
 * alone flag in each (thresholds are chosen for rules and model together).
 * Shared by `npm run train:review` and the test that keeps model.json in step
 * with the examples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { OrgProfile } from '../core/ports.ts';
import type { RiskCategory } from '../core/types.ts';
import { exampleFiles, examplesDigest, loadLabelledDrafts } from './load-examples.ts';
import { draftFeatures, FEATURE_VERSION, placeholdersFor } from './model-features.ts';
import { normalizeText } from './normalize.ts';
import { ruleEvidence } from './review-draft.ts';
import { tokenize } from './tokenize.ts';
import type { RuleBook } from './rule-types.ts';
import type { TrainingDraft, TrainSettings } from './train-model.ts';

/** Relative to the content folder. */
export const EXAMPLES_DIR = join('review', 'examples');
export const MODEL_FILE = join('review', 'model.json');

/** What model.json must have been trained from: the examples, the feature version and the settings. */
export function modelDigest(contentDir: string, settings: TrainSettings): string {
  const rulesDir = join(contentDir, 'rules');
  // The rules count too: their "fine" examples are training drafts, and thresholds depend on what the rules flag.
  const rules = readdirSync(rulesDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => `${name}\0${readFileSync(join(rulesDir, name), 'utf8').replace(/\r\n/g, '\n')}`);
  return examplesDigest(join(contentDir, EXAMPLES_DIR), JSON.stringify({ featureVersion: FEATURE_VERSION, settings, rules }));
}

/** Example files the rules were developed on: not used to choose thresholds and vetoes (the rules look too good there). */
export const RULES_DEVELOPED_ON: ReadonlySet<string> = new Set(['dev.yaml']);

function trainingDraft(text: string, categories: readonly RiskCategory[], rules: RuleBook, policy: OrgProfile | undefined, calibrate: boolean): TrainingDraft {
  const normalized = normalizeText(text).text;
  const features = draftFeatures(tokenize(normalized).tokens, placeholdersFor(policy), normalized);
  return { features, categories, rules: ruleEvidence(text, rules, policy), calibrate };
}

/** The labelled drafts of each example file, in file order. */
export function trainingFiles(contentDir: string, rules: RuleBook, policy: OrgProfile): Array<{ file: string; drafts: TrainingDraft[] }> {
  return exampleFiles(join(contentDir, EXAMPLES_DIR)).map((path) => ({
    file: basename(path),
    drafts: loadLabelledDrafts(path).map((draft) => trainingDraft(draft.text, draft.categories, rules, draft.policy ? policy : undefined, !RULES_DEVELOPED_ON.has(basename(path)))),
  }));
}

/**
 * The rules' own examples (docs/rules.md): each "fine" one that no rule flags is
 * a benign draft, a trap the rule's author wrote down ("We're hiring! Interviews
 * start next week"); each "flagged" one is a draft with the categories the rules
 * flag in it. The model learns to agree with both. Not used for calibration.
 */
export function ruleTraps(rules: RuleBook): TrainingDraft[] {
  const fine = rules.rules
    .flatMap((rule) => rule.examples.fine)
    .map((text) => trainingDraft(text, [], rules, undefined, false))
    .filter((draft) => draft.rules.size === 0);
  const flagged = rules.rules
    .flatMap((rule) => rule.examples.flagged)
    .map((text) => {
      const draft = trainingDraft(text, [], rules, undefined, false);
      return { ...draft, categories: [...draft.rules.keys()] };
    });
  return [...fine, ...flagged];
}

/** Everything the shipped model is trained on: the labelled drafts and the rules' traps. */
export function trainingDrafts(contentDir: string, rules: RuleBook, policy: OrgProfile): TrainingDraft[] {
  return [...trainingFiles(contentDir, rules, policy).flatMap((file) => file.drafts), ...ruleTraps(rules)];
}
