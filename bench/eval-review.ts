/**
 * Quality of draft review on labelled drafts: per-category P/R/F1, macro-F1,
 * audience accuracy and the share of benign drafts flagged, for the rules alone
 * and for the rules with the learned model (content/review/model.json), side
 * by side in one run.
 *
 *   node --import tsx bench/eval-review.ts [--split heldout|blind|blind3]... [--file PATH]...
 *        [--examples [--ids ta001-ta450]] [--errors] [--table]
 *
 * Sets: `--split heldout` (160 drafts, never tuned on), `--split blind` (220) and
 * `--split blind3` (250), written by people who never saw the rules, the model or
 * the training drafts; `--file` any labelled file; `--examples` the training drafts
 * themselves (fit, not generalization; `--ids` narrows them, e.g. a new batch
 * scored once before it is added). Without a set: heldout. `--errors` lists
 * mistakes, for the training drafts only: evaluation sets are not for tuning.
 * `--table` prints the per-category table of the rules with the model.
 */
import { basename } from 'node:path';
import { DEFAULT_CONTENT_DIR } from '../src/content/load-content.ts';
import { ContentProblems } from '../src/content/validate.ts';
import { loadLabelledDrafts } from '../src/review/load-examples.ts';
import { loadRules } from '../src/review/load-rules.ts';
import { evaluate, formatReport, loadDrafts, loadEvalPolicy, type EvalReport, type EvalSplit, type LabelledDraft } from './eval-review-lib.ts';

const args = process.argv.slice(2);
const valuesOf = (name: string): string[] => args.flatMap((arg, index) => (arg === `--${name}` && args[index + 1] ? [args[index + 1]!] : []));

const problems = new ContentProblems();
const withModel = loadRules(DEFAULT_CONTENT_DIR, problems);
const rulesOnly = loadRules(DEFAULT_CONTENT_DIR, problems, { withoutModel: true });
problems.throwIfAny();
const policy = loadEvalPolicy();

const sets: Array<{ name: string; drafts: LabelledDraft[]; training: boolean }> = [];
if (args.includes('--examples')) {
  const range = valuesOf('ids')[0];
  const idRange = range ? parseIdRange(range) : undefined;
  sets.push({ name: idRange ? `EXAMPLES ${range}` : 'EXAMPLES (trained on)', drafts: loadDrafts('examples').filter((draft) => !idRange || inIdRange(draft.id, idRange)), training: true });
}
for (const split of valuesOf('split')) {
  if (!['heldout', 'blind', 'blind3'].includes(split)) throw new Error(`--split wants heldout, blind or blind3, got "${split}"`);
  sets.push({ name: split.toUpperCase(), drafts: loadDrafts(split as EvalSplit), training: false });
}
for (const file of valuesOf('file')) sets.push({ name: basename(file), drafts: loadLabelledDrafts(file), training: false });
if (sets.length === 0) sets.push({ name: 'HELDOUT', drafts: loadDrafts('heldout'), training: false });

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
const line = (report: EvalReport): string => `macro-F1 ${report.macroF1.toFixed(3)} · audience right ${pct(report.audienceAccuracy)} · benign flagged ${pct(report.benignFlagRate)}`;

for (const set of sets) {
  const before = evaluate(set.drafts, rulesOnly, policy);
  const after = evaluate(set.drafts, withModel, policy);
  console.log(`${set.name}: ${after.drafts} drafts (${after.benign} benign)`);
  console.log(`  rules alone       ${line(before)}`);
  console.log(`  rules + model     ${line(after)}`);
  if (args.includes('--table')) console.log(formatReport(`${set.name}, rules + model`, after));
  if (set.training && args.includes('--errors')) {
    for (const mistake of after.mistakes) {
      console.log(`- ${mistake.id}: expected [${mistake.expected.join(', ')}] ${mistake.expectedAudience}, got [${mistake.predicted.join(', ')}] ${mistake.audience}  ${mistake.flags.join(' | ')}`);
    }
  }
  console.log('');
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
