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

  it('holds on the held-out part (never tuned on) at the level measured, which is BELOW the targets', () => {
    const report = evaluate(loadDrafts('heldout'), rules(), loadEvalPolicy());
    // Measured at the end, without tuning on it (160 drafts): macro-F1 0.736, audience right 77.5%, benign flagged 1.9%
    // (h001-h084, written before the rules by their author: 0.861; h085-h160, written later and never scored before: 0.575).
    // The macro-F1 and audience targets (0.9, 85%) are NOT met on unseen drafts; these floors only catch regressions.
    expect(report.macroF1).toBeGreaterThanOrEqual(0.7);
    expect(report.audienceAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(report.benignFlagRate).toBeLessThanOrEqual(0.05);
  });
});
