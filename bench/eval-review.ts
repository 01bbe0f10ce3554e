/**
 * Quality of draft review on the labelled drafts: per-category P/R/F1,
 * macro-F1, audience accuracy and the benign false-flag rate, for the dev part
 * and the held-out part. Mistakes are listed for the dev part only (`--errors`);
 * the held-out part is for reporting, not tuning.
 *
 *   node --import tsx bench/eval-review.ts [--errors] [--dev-only]
 */
import { DEFAULT_CONTENT_DIR } from '../src/content/load-content.ts';
import { ContentProblems } from '../src/content/validate.ts';
import { loadRules } from '../src/review/load-rules.ts';
import { evaluate, formatReport, loadDrafts, loadEvalPolicy } from './eval-review-lib.ts';

const problems = new ContentProblems();
const rules = loadRules(DEFAULT_CONTENT_DIR, problems);
problems.throwIfAny();
const policy = loadEvalPolicy();

const dev = evaluate(loadDrafts('dev'), rules, policy);
console.log(formatReport('DEV', dev));
// The held-out part is scored only on request, so tuning runs never see it.
const showHeldout = !process.argv.includes('--dev-only');
const heldout = showHeldout ? evaluate(loadDrafts('heldout'), rules, policy) : undefined;
if (heldout) {
  console.log('');
  console.log(formatReport('HELD-OUT (never tuned on)', heldout));
}
if (process.argv.includes('--errors')) {
  console.log('\nDev mistakes:');
  for (const mistake of dev.mistakes) {
    console.log(`- ${mistake.id}: expected [${mistake.expected.join(', ')}] ${mistake.expectedAudience}, got [${mistake.predicted.join(', ')}] ${mistake.audience}  ${mistake.flags.join(' | ')}`);
  }
}
if (heldout && process.argv.includes('--heldout-errors')) {
  console.log('\nHeld-out mistakes (for the final report only):');
  for (const mistake of heldout.mistakes) {
    console.log(`- ${mistake.id}: expected [${mistake.expected.join(', ')}] ${mistake.expectedAudience}, got [${mistake.predicted.join(', ')}] ${mistake.audience}  ${mistake.flags.join(' | ')}`);
  }
}
