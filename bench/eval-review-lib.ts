/**
 * Scores draft review on a labelled set (test/fixtures/drafts): per-category
 * precision, recall and F1 at the draft level (a category is predicted when any
 * flag has it), macro-F1 over the eleven categories, audience accuracy, and the
 * share of benign drafts that get any flag. Used by bench/eval-review.ts and by
 * the quality test.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTENT_DIR } from '../src/content/load-content.ts';
import type { OrgProfile } from '../src/core/ports.ts';
import { RISK_CATEGORIES, type Audience, type RiskCategory } from '../src/core/types.ts';
import { exampleFiles, loadLabelledDrafts, type LabelledDraft } from '../src/review/load-examples.ts';
import { loadPolicyFile } from '../src/review/load-policy.ts';
import { reviewDraft } from '../src/review/review-draft.ts';
import type { RuleBook } from '../src/review/rule-types.ts';

export const DRAFTS_DIR = fileURLToPath(new URL('../test/fixtures/drafts/', import.meta.url));
/** The training examples of the review model (content/review/examples): what the rules and the model were built on. */
export const EXAMPLES_DIR = join(DEFAULT_CONTENT_DIR, 'review', 'examples');

export type { LabelledDraft };

/** Evaluation sets never trained or tuned on: heldout, blind (scored once), blind3 (scored once). */
export type EvalSplit = 'heldout' | 'blind' | 'blind3';

/** `examples` is every training file of content/review/examples; the others are test/fixtures/drafts/<split>.yaml. */
export function loadDrafts(split: EvalSplit | 'examples'): LabelledDraft[] {
  if (split === 'examples') return exampleFiles(EXAMPLES_DIR).flatMap(loadLabelledDrafts);
  return loadLabelledDrafts(join(DRAFTS_DIR, `${split}.yaml`));
}

/** The organization profile of every draft marked `policy: true` (Example Corp, codenames Falcon and Bluebird, clients Globex and Initech). */
export function loadEvalPolicy(): OrgProfile {
  return loadPolicyFile(join(EXAMPLES_DIR, 'policy.yaml'));
}

export interface CategoryScore {
  category: RiskCategory;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  drafts: number;
  benign: number;
  perCategory: CategoryScore[];
  macroF1: number;
  audienceAccuracy: number;
  benignFlagRate: number;
  mistakes: Array<{ id: string; expected: RiskCategory[]; predicted: RiskCategory[]; expectedAudience: Audience; audience: Audience; flags: string[] }>;
}

export function evaluate(drafts: LabelledDraft[], rules: RuleBook, policy: OrgProfile): EvalReport {
  const counts = new Map<RiskCategory, { tp: number; fp: number; fn: number; support: number }>(RISK_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0, support: 0 }]));
  let audienceRight = 0;
  let benign = 0;
  let benignFlagged = 0;
  const mistakes: EvalReport['mistakes'] = [];
  for (const draft of drafts) {
    const result = reviewDraft(draft.text, { rules, platform: draft.platform, ...(draft.policy ? { policy } : {}) });
    const predicted = [...new Set(result.flags.map((flag) => flag.category))];
    for (const category of RISK_CATEGORIES) {
      const count = counts.get(category)!;
      const expected = draft.categories.includes(category);
      const got = predicted.includes(category);
      if (expected) count.support += 1;
      if (expected && got) count.tp += 1;
      else if (got) count.fp += 1;
      else if (expected) count.fn += 1;
    }
    if (result.audience === draft.audience) audienceRight += 1;
    if (draft.categories.length === 0) {
      benign += 1;
      if (result.flags.length > 0) benignFlagged += 1;
    }
    const same = predicted.length === draft.categories.length && predicted.every((c) => draft.categories.includes(c));
    if (!same || result.audience !== draft.audience) {
      mistakes.push({
        id: draft.id,
        expected: draft.categories,
        predicted,
        expectedAudience: draft.audience,
        audience: result.audience,
        flags: result.flags.map((flag) => `${flag.category}/${flag.ruleId}: "${flag.words}"`),
      });
    }
  }
  const perCategory = RISK_CATEGORIES.map((category) => {
    const { tp, fp, fn, support } = counts.get(category)!;
    const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { category, support, tp, fp, fn, precision, recall, f1 };
  });
  return {
    drafts: drafts.length,
    benign,
    perCategory,
    macroF1: perCategory.reduce((sum, score) => sum + score.f1, 0) / perCategory.length,
    audienceAccuracy: audienceRight / drafts.length,
    benignFlagRate: benign === 0 ? 0 : benignFlagged / benign,
    mistakes,
  };
}

export function formatReport(name: string, report: EvalReport): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `${name}: ${report.drafts} drafts (${report.benign} benign)`,
    '| category | support | precision | recall | F1 |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...report.perCategory.map((s) => `| ${s.category} | ${s.support} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${s.f1.toFixed(2)} |`),
    `macro-F1: ${report.macroF1.toFixed(3)} · audience right: ${pct(report.audienceAccuracy)} · benign drafts flagged: ${pct(report.benignFlagRate)}`,
  ];
  return lines.join('\n');
}
