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
  it('the labelled set has at least 250 drafts, 100 benign, and a held-out part of at least 30%', () => {
    const dev = loadDrafts('dev');
    const heldout = loadDrafts('heldout');
    const all = [...dev, ...heldout];
    expect(all.length).toBeGreaterThanOrEqual(250);
    expect(all.filter((draft) => draft.categories.length === 0).length).toBeGreaterThanOrEqual(100);
    expect(heldout.length / all.length).toBeGreaterThanOrEqual(0.3);
    expect(new Set(all.map((draft) => draft.id)).size).toBe(all.length);
  });

  it('meets the targets on the dev part', () => {
    const report = evaluate(loadDrafts('dev'), rules(), loadEvalPolicy());
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9);
    expect(report.audienceAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(report.benignFlagRate).toBeLessThanOrEqual(0.05);
  });

  it('holds on the held-out part (never tuned on)', () => {
    const report = evaluate(loadDrafts('heldout'), rules(), loadEvalPolicy());
    // Floors set from the figures measured once at the end (see the closing report), so a regression shows.
    expect(report.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(report.audienceAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(report.benignFlagRate).toBeLessThanOrEqual(0.05);
  });
});
