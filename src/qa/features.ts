import { stemWord, tokenizeWords } from '../nlp/natural.ts';

/**
 * Turns a question into weighted sparse features: Porter stems, stem bigrams and
 * character 4-grams (which make misspellings like "frend" or "acept" still land
 * near their word). Pure and deterministic.
 */

/** Chat shorthand mapped to the words the knowledge base uses. */
const SHORTHAND: Record<string, string> = {
  fb: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  gram: 'instagram',
  li: 'linkedin',
  twitter: 'x',
  tweet: 'post',
  tweets: 'posts',
  tweeted: 'posted',
  skeet: 'post',
  bsky: 'bluesky',
  finsta: 'finsta',
  mgr: 'manager',
  mngr: 'manager',
  supervisor: 'manager',
  coworker: 'colleague',
  coworkers: 'colleagues',
  'co-worker': 'colleague',
  workmate: 'colleague',
  workmates: 'colleagues',
  teammate: 'colleague',
  teammates: 'colleagues',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  msg: 'message',
  dm: 'message',
  convo: 'conversation',
  biz: 'business',
  co: 'company',
  hr: 'hr',
};

const STOPWORDS = new Set(
  'a an the and or but of to in on at for with about as by from into is are was were be been being am do does did doing have has had having i me my mine myself we our us you your yours he him his she her it its they them their this that these those there here so just really very too also then than if it\'s im i\'m ok okay hey hi hello please thanks thank would could can will shall may might must should'.split(
    ' ',
  ),
);

export type SparseVector = Map<string, number>;

export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u200b-\u200d\ufeff]/g, '');
}

export function questionTokens(text: string): string[] {
  return tokenizeWords(normalizeQuestion(text).replace(/'/g, ''))
    .map((token) => SHORTHAND[token] ?? token)
    .flatMap((token) => token.split(' '));
}

/** Raw (un-weighted) term counts of a question. */
export function extractFeatures(text: string): SparseVector {
  const features: SparseVector = new Map();
  const add = (key: string, weight: number) => features.set(key, (features.get(key) ?? 0) + weight);
  const words = questionTokens(text);
  const content = words.filter((word) => !STOPWORDS.has(word));
  const stems = content.map((word) => stemWord(word));
  for (const stem of stems) add(`w:${stem}`, 1);
  for (let i = 1; i < stems.length; i++) add(`b:${stems[i - 1]}_${stems[i]}`, 0.7);
  for (const word of content) {
    const padded = `<${word}>`;
    if (padded.length <= 5) continue;
    for (let i = 0; i + 4 <= padded.length; i++) add(`c:${padded.slice(i, i + 4)}`, 0.25);
  }
  // Question words carry intent ("how do I use…", "what is…") but are weak alone.
  for (const word of words) if (word === 'how' || word === 'what' || word === 'who' || word === 'should') add(`q:${word}`, 0.3);
  return features;
}
