/**
 * social-check against alex on real labelled tweets (Davidson et al. 2017;
 * hate speech or offensive language vs neither). social-check predicts
 * "offensive" when any flag is in the offensive or profanity category; alex
 * when it reports any message. Prints precision, recall, F1 and the share of
 * harmless tweets flagged, for both, in one run.
 *
 *   node --import tsx bench/eval-offensive-tweets.ts
 */
import { text as alexText } from 'alex';
import { DEFAULT_CONTENT_DIR } from '../src/content/load-content.ts';
import { ContentProblems } from '../src/content/validate.ts';
import { loadRules } from '../src/review/load-rules.ts';
import { reviewDraft } from '../src/review/review-draft.ts';
import { loadTweets, scoreBinary, type BinaryScore } from './offensive-tweets-lib.ts';

const problems = new ContentProblems();
const rules = loadRules(DEFAULT_CONTENT_DIR, problems);
problems.throwIfAny();
const tweets = loadTweets();

const ours = scoreBinary(tweets, (text) => reviewDraft(text, { rules }).flags.some((flag) => flag.category === 'offensive' || flag.category === 'profanity'));
const alex = scoreBinary(tweets, (text) => alexText(text).messages.length > 0);

const row = (name: string, score: BinaryScore) =>
  `| ${name} | ${score.precision.toFixed(3)} | ${score.recall.toFixed(3)} | ${score.f1.toFixed(3)} | ${(score.harmlessFlagged * 100).toFixed(1)}% |`;
console.log(`Offensive tweets: ${tweets.length} (${tweets.filter((t) => t.offensive).length} hate or offensive, ${tweets.filter((t) => !t.offensive).length} neither)`);
console.log('| tool | precision | recall | F1 | harmless flagged |');
console.log('| --- | ---: | ---: | ---: | ---: |');
console.log(row('social-check', ours));
console.log(row('alex', alex));
