/**
 * How much the learned model adds on drafts it was not trained on, with the
 * training drafts alone: the example drafts the rules were not developed on are
 * split in five folds; each fold is scored, rules alone and rules + model side by
 * side, by a model trained on everything else (the other folds, the dev drafts,
 * the rules' traps). The dev drafts are never scored: the rules were tuned on
 * them, so they would flatter the rules. Settings can be varied here to compare
 * them fairly, without touching the evaluation sets.
 *
 *   node --import tsx bench/review-model-cv.ts [--epochs 40] [--learningRate 3] [--l2 1e-4]
 *        [--minDrafts 2] [--minThreshold 0.5] [--benignBudget 0.004]
 */
import { DEFAULT_CONTENT_DIR } from '../src/content/load-content.ts';
import { ContentProblems } from '../src/content/validate.ts';
import { RISK_CATEGORIES, type RiskCategory } from '../src/core/types.ts';
import { expectedAudience } from '../src/review/load-examples.ts';
import { loadRules } from '../src/review/load-rules.ts';
import { RULES_DEVELOPED_ON, ruleTraps, trainingFiles } from '../src/review/model-training-set.ts';
import { decide, modelFromFile, scoreFeatures } from '../src/review/review-model.ts';
import { DEFAULT_TRAIN_SETTINGS, trainReviewModel, type TrainingDraft, type TrainSettings } from '../src/review/train-model.ts';
import { loadEvalPolicy } from './eval-review-lib.ts';

const args = process.argv.slice(2);
const settings: TrainSettings = { ...DEFAULT_TRAIN_SETTINGS };
for (const key of Object.keys(settings) as Array<keyof TrainSettings>) {
  const at = args.indexOf(`--${key}`);
  if (at >= 0) settings[key] = Number(args[at + 1]);
}

const problems = new ContentProblems();
const rules = loadRules(DEFAULT_CONTENT_DIR, problems, { withoutModel: true });
problems.throwIfAny();
const files = trainingFiles(DEFAULT_CONTENT_DIR, rules, loadEvalPolicy());
const traps = ruleTraps(rules);

interface Scores {
  macroF1: number;
  audience: number;
  benign: number;
}

function score(drafts: readonly TrainingDraft[], predicted: ReadonlyArray<ReadonlySet<RiskCategory>>): Scores {
  let f1Sum = 0;
  for (const category of RISK_CATEGORIES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    drafts.forEach((draft, index) => {
      const expected = draft.categories.includes(category);
      const got = predicted[index]!.has(category);
      if (expected && got) tp += 1;
      else if (got) fp += 1;
      else if (expected) fn += 1;
    });
    f1Sum += tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
  }
  const benign = drafts.map((draft, index) => ({ draft, index })).filter(({ draft }) => draft.categories.length === 0);
  return {
    macroF1: f1Sum / RISK_CATEGORIES.length,
    // Audience from categories alone (drug use cannot be told apart here): the same simplification for both columns.
    audience: drafts.filter((draft, index) => expectedAudience([...predicted[index]!]) === expectedAudience(draft.categories)).length / drafts.length,
    benign: benign.filter(({ index }) => predicted[index]!.size > 0).length / Math.max(1, benign.length),
  };
}

const fmt = (s: Scores) => `${s.macroF1.toFixed(3)} | ${(s.audience * 100).toFixed(1)}% | ${(s.benign * 100).toFixed(1)}%`;
const FOLDS = 5;
const developedOn = files.filter((file) => RULES_DEVELOPED_ON.has(file.file)).flatMap((file) => file.drafts);
const fresh = files.filter((file) => !RULES_DEVELOPED_ON.has(file.file)).flatMap((file) => file.drafts);
console.log(`settings: ${JSON.stringify(settings)}`);
console.log(`${fresh.length} drafts the rules were not developed on (${files.filter((file) => !RULES_DEVELOPED_ON.has(file.file)).map((file) => file.file).join(', ')}), in ${FOLDS} folds; each fold is scored by a model trained on the other folds, ${developedOn.length} drafts the rules were developed on and ${traps.length} rule traps.`);
console.log('');
console.log('| fold | drafts | rules: macro-F1 | audience | benign flagged | rules + model: macro-F1 | audience | benign flagged |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const totals = { rules: [] as Array<{ n: number; s: Scores }>, model: [] as Array<{ n: number; s: Scores }> };
for (let fold = 0; fold < FOLDS; fold += 1) {
  const test = fresh.filter((_, i) => i % FOLDS === fold);
  const train = [...developedOn, ...fresh.filter((_, i) => i % FOLDS !== fold), ...traps];
  const model = modelFromFile(trainReviewModel(train, 'cv', 1, settings));
  const rulesOnly = test.map((draft) => new Set(draft.rules.keys()));
  const combined = test.map((draft) => {
    const p = scoreFeatures(model, draft.features.all);
    return new Set(RISK_CATEGORIES.filter((category, k) => ['rules', 'model'].includes(decide(p[k]!, model.thresholds[k]!, model.vetoes[k]!, draft.rules.get(category) ?? 'none'))));
  });
  const a = score(test, rulesOnly);
  const b = score(test, combined);
  totals.rules.push({ n: test.length, s: a });
  totals.model.push({ n: test.length, s: b });
  console.log(`| ${fold + 1} | ${test.length} | ${fmt(a)} | ${fmt(b)} |`);
}
const mean = (list: Array<{ n: number; s: Scores }>): Scores => {
  const n = list.reduce((sum, item) => sum + item.n, 0);
  const avg = (key: keyof Scores) => list.reduce((sum, item) => sum + item.s[key] * item.n, 0) / n;
  return { macroF1: avg('macroF1'), audience: avg('audience'), benign: avg('benign') };
};
console.log(`| mean | ${fresh.length} | ${fmt(mean(totals.rules))} | ${fmt(mean(totals.model))} |`);
