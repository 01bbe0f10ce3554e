/**
 * Quality targets of the issue, on the labelled drafts (test/fixtures/drafts).
 * Dev part: macro-F1 >= 0.9 over the eleven categories, audience right >= 85%,
 * benign drafts flagged <= 5%. Held-out part (written before the rules, never
 * tuned on): asserted at the level honestly reached, see bench/eval-review.ts.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, loadDrafts, loadEvalPolicy } from '../../bench/eval-review-lib.ts';
import { rules } from './helpers.ts';

describe('draft review quality', () => {
  it('the labelled set has at least 250 drafts, 100 benign, and a held-out part of at least 150 drafts (10%)', () => {
    const dev = loadDrafts('dev');
    const heldout = loadDrafts('heldout');
    const all = [...dev, ...heldout];
    expect(all.length).toBeGreaterThanOrEqual(250);
    expect(all.filter((draft) => draft.categories.length === 0).length).toBeGreaterThanOrEqual(100);
    // The held-out part was 30% until dev batches 5-10 (d371-d984) were added; its share is now lower, its size unchanged.
    expect(heldout.length).toBeGreaterThanOrEqual(150);
    expect(heldout.length / all.length).toBeGreaterThanOrEqual(0.1);
    expect(new Set(all.map((draft) => draft.id)).size).toBe(all.length);
  });

  it('meets the targets on the dev part', () => {
    const report = evaluate(loadDrafts('dev'), rules(), loadEvalPolicy());
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9);
    expect(report.audienceAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(report.benignFlagRate).toBeLessThanOrEqual(0.05);
  });

  it('holds on the held-out part (never tuned on) at the level measured (macro-F1 and benign rate BELOW the targets)', () => {
    const report = evaluate(loadDrafts('heldout'), rules(), loadEvalPolicy());
    // Round 2 (issue 3), measured once at the end without tuning on it (160 drafts): macro-F1 0.844, audience right 88.1%,
    // benign drafts flagged 5.7% (3 of 53). Round 1 was 0.736 / 77.5% / 1.9%. The macro-F1 target (0.9) and the benign
    // target (5%) are NOT met on these drafts; the audience target (85%) is. These bounds only catch regressions.
    expect(report.macroF1).toBeGreaterThanOrEqual(0.84);
    expect(report.audienceAccuracy).toBeGreaterThanOrEqual(0.88);
    expect(report.benignFlagRate).toBeLessThanOrEqual(0.06);
  });

  it('holds on the blind set (written without seeing the rules, scored once) at the level measured, BELOW the F1 and audience targets', () => {
    const report = evaluate(loadDrafts('blind'), rules(), loadEvalPolicy());
    // Scored once at the end of round 2 (220 drafts, 80 benign): macro-F1 0.790, audience right 81.4%, benign flagged 5.0%.
    // The benign target (5%) is met; macro-F1 (0.9) and audience (85%) are not. These bounds only catch regressions.
    expect(report.macroF1).toBeGreaterThanOrEqual(0.78);
    expect(report.audienceAccuracy).toBeGreaterThanOrEqual(0.81);
    expect(report.benignFlagRate).toBeLessThanOrEqual(0.05);
  });
});
