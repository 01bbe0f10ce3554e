/**
 * The labelled tweets of Davidson et al. (2017), ../shared/data/offensive_tweets
 * beside the repository (MIT licence; see its PROVENANCE.md)
 * (content warning: offensive language): hate speech or offensive language
 * versus neither. Evaluation data only: no rule is tuned on it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BESIDE_REPOSITORY = fileURLToPath(new URL('../../shared/data/offensive_tweets/davidson_labeled_balanced_3000.csv', import.meta.url));

export const TWEETS_FILE =
  process.env.OFFENSIVE_TWEETS_FILE ?? (existsSync(BESIDE_REPOSITORY) ? BESIDE_REPOSITORY : '/work/shared/data/offensive_tweets/davidson_labeled_balanced_3000.csv');

export interface LabelledTweet {
  id: string;
  /** True for hate speech or offensive language, false for neither. */
  offensive: boolean;
  text: string;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Tweets keep HTML entities (&amp;, &#128591;) from the source; decode them as a reader would see them. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

export function loadTweets(file = TWEETS_FILE): LabelledTweet[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8')).filter((row) => row.length > 1);
  const col = (name: string) => {
    const index = header!.indexOf(name);
    if (index < 0) throw new Error(`${file}: no column ${name}`);
    return index;
  };
  const id = col('id');
  const label = col('class');
  const tweet = col('tweet');
  return rows.map((row) => ({ id: row[id]!, offensive: row[label] !== '2', text: decodeEntities(row[tweet]!) }));
}

export interface BinaryScore {
  precision: number;
  recall: number;
  f1: number;
  /** Share of harmless ("neither") tweets flagged. */
  harmlessFlagged: number;
}

export function scoreBinary(tweets: LabelledTweet[], predict: (text: string) => boolean): BinaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let harmless = 0;
  for (const tweet of tweets) {
    const predicted = predict(tweet.text);
    if (!tweet.offensive) harmless += 1;
    if (predicted && tweet.offensive) tp += 1;
    else if (predicted) fp += 1;
    else if (tweet.offensive) fn += 1;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), harmlessFlagged: harmless === 0 ? 0 : fp / harmless };
}
