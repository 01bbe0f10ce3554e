/**
 * Quality of draft review (rules + learned model) against the targets:
 * macro-F1 >= 0.9 over the eleven categories, audience right >= 85%, benign
 * drafts flagged <= 5%, on drafts it has never seen. The training drafts
 * (content/review/examples) must be fitted to the targets; the evaluation sets
 * (test/fixtures/drafts: heldout, blind, blind3) were never trained or tuned on,
 * and are held at the level measured when they were scored, so a regression
 * fails. See test/fixtures/drafts/README.md and bench/eval-review.ts.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, loadDrafts, loadEvalPolicy, type EvalSplit } from '../../bench/eval-review-lib.ts';
import { rules } from './helpers.ts';

const SPLITS: EvalSplit[] = ['heldout', 'blind', 'blind3'];
const normalized = (text: string) => text.toLowerCase().replace(/\W+/g, ' ').trim();

describe('draft review quality', () => {
  it('the labelled sets: at least 250 training drafts with 100 benign, three evaluation sets of 150+ drafts, no draft in two sets', () => {
    const examples = loadDrafts('examples');
    expect(examples.length).toBeGreaterThanOrEqual(250);
    expect(examples.filter((draft) => draft.categories.length === 0).length).toBeGreaterThanOrEqual(100);
    const seen = new Set(examples.map((draft) => normalized(draft.text)));
    const ids = new Set(examples.map((draft) => draft.id));
    for (const split of SPLITS) {
      const drafts = loadDrafts(split);
      expect(drafts.length, split).toBeGreaterThanOrEqual(150);
      expect(drafts.filter((draft) => draft.categories.length === 0).length, split).toBeGreaterThanOrEqual(50);
      for (const draft of drafts) {
        expect(ids.has(draft.id), `${split} ${draft.id}: id used twice`).toBe(false);
        expect(seen.has(normalized(draft.text)), `${split} ${draft.id}: the same text is a training draft`).toBe(false);
        ids.add(draft.id);
        seen.add(normalized(draft.text));
      }
    }
  });

  it('fits the training drafts to the targets', () => {
    const report = evaluate(loadDrafts('examples'), rules(), loadEvalPolicy());
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9);
    expect(report.audienceAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(report.benignFlagRate).toBeLessThanOrEqual(0.05);
  });

  // Scored on 2026-11-24 at 07:43 UTC, with the model trained on the 4,477 drafts then in content/review/examples, and
  // re-scored after fixes made for reasons outside these sets (see test/fixtures/drafts/README.md)
  // (rules alone in brackets). These bounds only catch regressions: the macro-F1 target (0.9) is met on none of the
  // three sets; the audience (85%) and benign (5%) targets are met on heldout and blind, not on blind3.
  const floors: Record<EvalSplit, { macroF1: number; audience: number; benign: number; measured: string }> = {
    heldout: { macroF1: 0.89, audience: 0.918, benign: 0.038, measured: 'measured 0.891 / 91.9% / 3.8% (rules alone 0.844 / 88.1% / 5.7%)' },
    blind: { macroF1: 0.88, audience: 0.904, benign: 0.013, measured: 'measured 0.884 / 90.5% / 1.3% (rules alone 0.790 / 81.4% / 5.0%)' },
    blind3: { macroF1: 0.814, audience: 0.839, benign: 0.065, measured: 'measured 0.814 / 84.0% / 6.5% (rules alone 0.679 / 74.0% / 16.1%)' },
  };

  it.each(SPLITS)('holds on %s (never trained or tuned on) at the level measured', (split) => {
    const floor = floors[split];
    const report = evaluate(loadDrafts(split), rules(), loadEvalPolicy());
    expect(report.macroF1, floor.measured).toBeGreaterThanOrEqual(floor.macroF1);
    expect(report.audienceAccuracy, floor.measured).toBeGreaterThanOrEqual(floor.audience);
    expect(report.benignFlagRate, floor.measured).toBeLessThanOrEqual(floor.benign);
  });
});
