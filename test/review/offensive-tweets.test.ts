/**
 * The outside benchmark: the 3,000 labelled tweets of Davidson et al.
 * (2017), beside the repository in ../shared/data/offensive_tweets (content
 * warning). alex scores F1 0.72 and flags 25% of the harmless ones by the
 * issue's figures (0.851 and 63.6% in bench/eval-offensive-tweets.ts here): the
 * review must beat both, and hold the level measured (F1 0.929, 8.5% of harmless
 * tweets flagged, with the learned model). Nothing is tuned on these tweets.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTweets, scoreBinary, TWEETS_FILE } from '../../bench/offensive-tweets-lib.ts';
import { review } from './helpers.ts';

describe.skipIf(!existsSync(TWEETS_FILE))(`offensive tweets (${TWEETS_FILE})`, () => {
  it('beats alex on F1 and on harmless tweets flagged, at the level measured', () => {
    const score = scoreBinary(loadTweets(), (text) => review(text).flags.some((flag) => flag.category === 'offensive' || flag.category === 'profanity'));
    expect(score.f1).toBeGreaterThanOrEqual(0.92);
    expect(score.harmlessFlagged).toBeLessThanOrEqual(0.09);
  });
});
