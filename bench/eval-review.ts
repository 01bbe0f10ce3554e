/**
 * Quality of draft review on the labelled drafts: per-category P/R/F1,
 * macro-F1, audience accuracy and the benign false-flag rate, for the dev part
 * and the held-out part. Mistakes are listed for the dev part only (`--errors`);
 * the held-out part is for reporting, not tuning.
 *
 *   node --import tsx bench/eval-review.ts [--errors] [--dev-only] [--ids d371-d530] [--blind]
 *
 * `--ids FIRST-LAST` scores only the dev drafts whose id lies in that range
 * (same prefix, compared by number), e.g. to score a new batch blind once.
 * `--blind` also scores test/fixtures/drafts/blind.yaml: 220 drafts written by
 * someone who never saw the rules or the other drafts. Its figures only, never
 * its mistakes: it is not for tuning.
 */
import { DEFAULT_CONTENT_DIR } from '../src/content/load-content.ts';
import { ContentProblems } from '../src/content/validate.ts';
import { loadRules } from '../src/review/load-rules.ts';
import { evaluate, formatReport, loadDrafts, loadEvalPolicy } from './eval-review-lib.ts';

const problems = new ContentProblems();
const rules = loadRules(DEFAULT_CONTENT_DIR, problems);
problems.throwIfAny();
const policy = loadEvalPolicy();

const idsArg = process.argv.indexOf('--ids');
const idRange = idsArg >= 0 ? parseIdRange(process.argv[idsArg + 1] ?? '') : undefined;
const devDrafts = loadDrafts('dev').filter((draft) => !idRange || inIdRange(draft.id, idRange));
const dev = evaluate(devDrafts, rules, policy);
console.log(formatReport(idRange ? `DEV ${idRange.prefix}${idRange.first}-${idRange.prefix}${idRange.last}` : 'DEV', dev));
// The held-out part is scored only on request, so tuning runs never see it.
const showHeldout = !process.argv.includes('--dev-only') && !idRange;
const heldout = showHeldout ? evaluate(loadDrafts('heldout'), rules, policy) : undefined;
if (heldout) {
  console.log('');
  console.log(formatReport('HELD-OUT (never tuned on)', heldout));
}
if (process.argv.includes('--blind')) {
  console.log('');
  console.log(formatReport('BLIND (written without seeing the rules; never tuned on)', evaluate(loadDrafts('blind'), rules, policy)));
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

function parseIdRange(text: string): { prefix: string; first: number; last: number } {
  const match = /^([a-z]+)(\d+)-(?:[a-z]+)?(\d+)$/.exec(text);
  if (!match) throw new Error(`--ids wants a range like d371-d530, got "${text}"`);
  return { prefix: match[1]!, first: Number(match[2]), last: Number(match[3]) };
}

function inIdRange(id: string, range: { prefix: string; first: number; last: number }): boolean {
  const match = /^([a-z]+)(\d+)$/.exec(id);
  if (!match || match[1] !== range.prefix) return false;
  const number = Number(match[2]);
  return number >= range.first && number <= range.last;
}
