/**
 * Throughput of draft review against alex on the same drafts, in one run: the
 * labelled drafts (content/review/examples and test/fixtures/drafts/heldout)
 * and the first 1,000 labelled tweets.
 * social-check runs every category (with the example organization profile),
 * with its learned model and, for comparison, with the rules alone;
 * alex runs its plain-text checker. Each tool is warmed up, then timed over
 * whole passes until at least `--seconds` (default 3) have elapsed.
 *
 *   node --import tsx bench/review-vs-alex.ts [--seconds 3]
 */
import { performance } from 'node:perf_hooks';
import { text as alexText } from 'alex';
import { DEFAULT_CONTENT_DIR } from '../src/content/load-content.ts';
import { ContentProblems } from '../src/content/validate.ts';
import { loadRules } from '../src/review/load-rules.ts';
import { reviewDraft } from '../src/review/review-draft.ts';
import { loadDrafts, loadEvalPolicy } from './eval-review-lib.ts';
import { loadTweets } from './offensive-tweets-lib.ts';

const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 3;

const problems = new ContentProblems();
const rules = loadRules(DEFAULT_CONTENT_DIR, problems);
const rulesOnly = loadRules(DEFAULT_CONTENT_DIR, problems, { withoutModel: true });
problems.throwIfAny();
const policy = loadEvalPolicy();
const drafts = [...loadDrafts('examples'), ...loadDrafts('heldout')].map((draft) => draft.text);
const tweets = loadTweets().slice(0, 1000).map((tweet) => tweet.text);

function measure(texts: string[], run: (text: string) => unknown): { perSecond: number; passes: number } {
  for (const text of texts.slice(0, 50)) run(text); // warm-up
  let done = 0;
  let passes = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const text of texts) run(text);
    done += texts.length;
    passes += 1;
  }
  return { perSecond: done / ((performance.now() - started) / 1000), passes };
}

const rows: string[] = [];
for (const [name, texts] of [
  ['labelled drafts', drafts],
  ['labelled tweets', tweets],
] as const) {
  const ours = measure(texts, (text) => reviewDraft(text, { rules, policy }));
  const oursRules = measure(texts, (text) => reviewDraft(text, { rules: rulesOnly, policy }));
  const alex = measure(texts, (text) => alexText(text));
  rows.push(
    `| ${name} (${texts.length}) | ${ours.perSecond.toFixed(0)} | ${oursRules.perSecond.toFixed(0)} | ${alex.perSecond.toFixed(0)} | ${(ours.perSecond / alex.perSecond).toFixed(1)}× |`,
  );
}
console.log(`Drafts per second, ${seconds}s per measurement, Node ${process.version}`);
console.log('| input | social-check (all categories, rules + model) | rules alone | alex | ratio (rules + model / alex) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
