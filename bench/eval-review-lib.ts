/**
 * Scores draft review on a labelled set (test/fixtures/drafts): per-category
 * precision, recall and F1 at the draft level (a category is predicted when any
 * flag has it), macro-F1 over the eleven categories, audience accuracy, and the
 * share of benign drafts that get any flag. Used by bench/eval-review.ts and by
 * the quality test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { OrgProfile } from '../src/core/ports.ts';
import { RISK_CATEGORIES, SOCIAL_PLATFORMS, type Audience, type RiskCategory, type SocialPlatform } from '../src/core/types.ts';
import { loadPolicyFile } from '../src/review/load-policy.ts';
import { reviewDraft } from '../src/review/review-draft.ts';
import type { RuleBook } from '../src/review/rule-types.ts';

export const DRAFTS_DIR = fileURLToPath(new URL('../test/fixtures/drafts/', import.meta.url));

export interface LabelledDraft {
  id: string;
  platform: SocialPlatform;
  text: string;
  categories: RiskCategory[];
  audience: Audience;
  policy?: boolean;
}

export function loadDrafts(split: 'dev' | 'heldout' | 'blind'): LabelledDraft[] {
  const data = parseYaml(readFileSync(`${DRAFTS_DIR}${split}.yaml`, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${split}.yaml must be a list`);
  const ids = new Set<string>();
  return data.map((raw: Record<string, unknown>, index) => {
    const where = `${split}.yaml[${index}]`;
    if (typeof raw.id !== 'string' || ids.has(raw.id)) throw new Error(`${where}: missing or duplicate id`);
    ids.add(raw.id);
    if (typeof raw.text !== 'string' || raw.text.trim() === '') throw new Error(`${where}: text missing`);
    if (!(SOCIAL_PLATFORMS as readonly unknown[]).includes(raw.platform)) throw new Error(`${where}: unknown platform`);
    const categories = raw.categories;
    if (!Array.isArray(categories) || !categories.every((c) => (RISK_CATEGORIES as readonly unknown[]).includes(c))) throw new Error(`${where}: bad categories`);
    if (!['everyone', 'personal', 'nobody'].includes(String(raw.audience))) throw new Error(`${where}: bad audience`);
    return { id: raw.id, platform: raw.platform as SocialPlatform, text: raw.text, categories: categories as RiskCategory[], audience: raw.audience as Audience, policy: raw.policy === true };
  });
}

export function loadEvalPolicy(): OrgProfile {
  return loadPolicyFile(`${DRAFTS_DIR}policy.yaml`);
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
