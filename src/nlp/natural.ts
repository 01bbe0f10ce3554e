/**
 * The parts of `natural` we use, loaded by path. Importing the package root loads
 * every storage backend (Redis, Postgres, MongoDB…), each of which calls
 * `dotenv.config()`: that reads the working directory's .env and prints banner
 * lines on stdout, which would corrupt the CLI's JSON lines. It also takes ~600 ms.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface WordTokenizerCtor {
  new (): { tokenize(text: string): string[] };
}
interface Stemmer {
  stem(word: string): string;
}
interface SentimentAnalyzerCtor {
  new (language: string, stemmer: Stemmer | null, vocabulary: 'afinn' | 'senticon' | 'pattern'): { getSentiment(words: string[]): number };
}

const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer.js') as { WordTokenizer: WordTokenizerCtor };
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as Stemmer;

const wordTokenizer = new WordTokenizer();

/** Splits text into word tokens (letters and digits), dropping punctuation. */
export function tokenizeWords(text: string): string[] {
  return wordTokenizer.tokenize(text);
}

const stems = new Map<string, string>();

/** Porter stem of one lower-case word (memoized: the stemmer is slow and words repeat). */
export function stemWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = PorterStemmer.stem(word);
    if (stems.size < 50_000) stems.set(word, stem);
  }
  return stem;
}

let sentiment: { getSentiment(words: string[]): number } | undefined;

/** AFINN-165 sentiment of a list of words (natural's SentimentAnalyzer): negative below 0. Loaded on first use. */
export function sentimentOf(words: string[]): number {
  if (!sentiment) {
    const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js') as SentimentAnalyzerCtor;
    sentiment = new SentimentAnalyzer('English', null, 'afinn');
  }
  return words.length === 0 ? 0 : sentiment.getSentiment(words);
}
