/**
 * Runs the compiled rules over one draft: term hits from the index, patterns
 * and detectors over the normalized text, then each rule's context (near,
 * within, sentiment, unless, first person, negation, case). Returns findings in
 * normalized offsets. Every step is linear in the number of tokens or bounded
 * per hit; findings are capped so adversarial input cannot blow up the work.
 */
import { sentimentOf } from '../nlp/natural.ts';
import type { CompiledRule, Engine } from './compile-rules.ts';
import { detect } from './detect-personal-data.ts';
import type { NormalizedText } from './normalize.ts';
import type { Rule } from './rule-types.ts';
import type { Hit } from './term-index.ts';
import type { Token, Tokenized } from './tokenize.ts';

export interface Finding {
  rule: Rule;
  /** Normalized offsets. */
  start: number;
  end: number;
  /** For the learned model's findings: the words that weighed most (normalized offsets). */
  cues?: Array<{ start: number; end: number }>;
}

const MAX_FINDINGS = 300;
const MAX_MATCHES_PER_PATTERN = 100;
/** A rule that already matched this often is not checked again: the reply shows at most 25 flags anyway. */
const MAX_FINDINGS_PER_RULE = 30;
/** A flag grows to include its context word only when the two are this close (normalized characters). */
const MAX_SPAN = 90;
/** Words that make a sentence about the writer or the writer's family. */
const FIRST_PERSON = new Set([
  'i', "i'm", 'im', "i've", 'ive', "i'd", "i'll", 'me', 'my', 'mine', 'myself', 'we', "we're", "we've", 'our', 'ours', 'us',
  'mum', "mum's", 'mom', "mom's", 'dad', "dad's", 'mummy', 'daddy', 'grandma', "grandma's", 'grandad', "grandad's", 'grandpa', "grandpa's",
  'hubby', "hubby's", 'wifey', "wifey's", 'nan', "nan's", 'nana', "nana's", 'granny', "granny's",
]);
/**
 * Diary-style posts drop the subject: "Got diagnosed last week", "Came out to my parents",
 * "Still grieving". A sentence opening with such a verb or adverb is about the writer.
 */
const SUBJECT_DROP_OPENERS = new Set([
  'got', 'had', 'went', 'came', 'took', 'spent', 'woke', 'felt', 'been', 'feeling', 'having', 'trying', 'going', 'starting', 'started',
  'finished', 'finally', 'still', 'just', 'officially', 'recovering', 'dealing', 'struggling', 'back', 'heading', 'leaving', 'off',
  'handed', 'quit', 'applied', 'interviewed', 'interviewing', 'signed', 'upped', 'lowered', 'stopped', 'quitting', 'missing', 'grieving',
  'crying', 'cried', 'lost', 'found', 'broke', 'booked', 'turned', 'turning', 'told', 'telling', 'ate', 'slept', 'sleeping', 'drank',
]);
/** A past-tense opener ("Upped my dose", "Diagnosed at 34") also drops the subject; these -ed words rarely do. */
const NOT_VERBS = new Set(['need', 'speed', 'bed', 'red', 'seed', 'feed', 'shed', 'greed', 'weed', 'breed', 'united', 'limited', 'based', 'related', 'detailed', 'advanced', 'interested', 'excited', 'thrilled', 'proud', 'delighted', 'honoured', 'honored', 'pleased', 'wed', 'ted', 'ned', 'fred', 'ed', 'med', 'embed', 'sled', 'led']);

interface Context {
  tokens: readonly Token[];
  /** Per rule and list, the phrase ids of that list that occur in this draft (most lists are long, few of their phrases occur). */
  present: Map<Set<number>, number[]>;
  /** Per token, its AFINN score (0 for unknown words), computed on first use. */
  scores?: Float64Array;
  /** Phrase id → first-token indexes of its hits, ascending. */
  positions: Map<number, Hit[]>;
  sentenceFirst: number[];
  sentenceLast: number[];
  firstPerson: Map<number, boolean>;
}

function buildContext(tokens: readonly Token[], hits: Hit[], sentenceCount: number): Context {
  const positions = new Map<number, Hit[]>();
  for (const hit of hits) {
    const list = positions.get(hit.phrase.id);
    if (list) list.push(hit);
    else positions.set(hit.phrase.id, [hit]);
  }
  const sentenceFirst = new Array<number>(sentenceCount).fill(-1);
  const sentenceLast = new Array<number>(sentenceCount).fill(-1);
  tokens.forEach((token, index) => {
    if (sentenceFirst[token.sentence] === -1) sentenceFirst[token.sentence] = index;
    sentenceLast[token.sentence] = index;
  });
  return { tokens, positions, sentenceFirst, sentenceLast, firstPerson: new Map(), present: new Map() };
}

/** The hit of one of `ids` nearest to [lo, hi], or undefined. Binary search per phrase present in the text. */
function presentIds(context: Context, ids: Set<number>): number[] {
  let present = context.present.get(ids);
  if (!present) {
    present = [];
    for (const id of ids) if (context.positions.has(id)) present.push(id);
    context.present.set(ids, present);
  }
  return present;
}

function nearestHit(context: Context, ids: Set<number>, lo: number, hi: number, around: number): Hit | undefined {
  let best: Hit | undefined;
  let bestDistance = Infinity;
  for (const id of presentIds(context, ids)) {
    const list = context.positions.get(id)!;
    let left = 0;
    let right = list.length;
    while (left < right) {
      const mid = (left + right) >> 1;
      if (list[mid]!.last < lo) left = mid + 1;
      else right = mid;
    }
    for (let k = left; k < list.length && list[k]!.first <= hi; k += 1) {
      // Complaints usually follow their target ("my boss is useless"): a context word after the match counts as nearer.
      const offset = list[k]!.first - around;
      const distance = offset >= 0 ? offset : -offset * 1.5;
      if (distance < bestDistance) {
        best = list[k];
        bestDistance = distance;
      }
      if (k - left > 4) break;
    }
  }
  return best;
}

/**
 * The sentence, or the one just before or after it, is about the writer ("Asking for me."); for
 * private-life rules, also a sentence that names nobody else ("Chemo round 3 done.").
 */
function nearFirstPerson(context: Context, sentence: number, orUnattributed: boolean): boolean {
  return (
    hasFirstPerson(context, sentence) ||
    (sentence > 0 && hasFirstPerson(context, sentence - 1)) ||
    hasFirstPerson(context, sentence + 1) ||
    (orUnattributed && unattributed(context, sentence))
  );
}

/**
 * Words that make a sentence about someone other than the writer. A post's sentence with none of
 * them and no first person ("Fertility clinic tomorrow.", "Endometriosis flare today") is, in the
 * way people write on social media, about the writer.
 */
const OTHER_PEOPLE = new Set([
  'he', "he's", 'hes', 'she', "she's", 'shes', 'they', "they're", 'theyre', 'him', 'her', 'hers', 'his', 'them', 'their', 'theirs', 'you', "you're", 'your', 'yours', 'ur',
  'people', 'patients', 'patient', 'customers', 'customer', 'clients', 'client', 'users', 'members', 'staff', 'employees', 'colleagues', 'students', 'kids', 'children',
  'everyone', 'someone', 'anyone', 'somebody', 'anybody', 'nobody', 'friend', 'friends', 'dog', 'cat', 'pet', 'puppy', 'kitten', 'horse', 'celebrity', 'actor', 'actress',
  'singer', 'player', 'president', 'minister', 'king', 'queen', 'prince', 'princess', 'character', 'study', 'research', 'article', 'report', 'news', 'series', 'documentary',
  'film', 'movie', 'book', 'novel', 'podcast', 'episode', 'show', 'company', 'team', 'hospital', 'clinic', 'charity', 'trial', 'awareness', 'campaign', 'webinar', 'panel',
  'how', 'why', 'what', 'tips', 'guide', 'if', 'when', 'government', 'vaccine', 'vaccines', 'scientists', 'doctors', 'nurses',
]);

function unattributed(context: Context, sentence: number): boolean {
  const first = context.sentenceFirst[sentence] ?? -1;
  if (first < 0) return false;
  for (let i = first; i <= context.sentenceLast[sentence]!; i += 1) {
    const word = context.tokens[i]!.forms[0] ?? '';
    if (OTHER_PEOPLE.has(word) || FIRST_PERSON.has(word)) return false;
  }
  return true;
}

function hasFirstPerson(context: Context, sentence: number): boolean {
  const known = context.firstPerson.get(sentence);
  if (known !== undefined) return known;
  let found = false;
  const first = context.sentenceFirst[sentence] ?? -1;
  if (first >= 0) {
    const opener = context.tokens[first]!.forms[0] ?? '';
    found = SUBJECT_DROP_OPENERS.has(opener) || (opener.length > 4 && opener.endsWith('ed') && !NOT_VERBS.has(opener));
    for (let i = first; i <= context.sentenceLast[sentence]! && !found; i += 1) found = FIRST_PERSON.has(context.tokens[i]!.forms[0] ?? '');
  }
  context.firstPerson.set(sentence, found);
  return found;
}

const SENTIMENT_NEGATORS = new Set(['not', 'no', 'never', "don't", 'dont', "doesn't", "didn't", "isn't", "wasn't", "won't", "can't", 'cannot', 'nothing', 'nobody', 'neither', 'nor']);
const wordScores = new Map<string, number>();

/** AFINN score of one word (natural's analyser on a one-word list), cached. */
function scoreOf(word: string): number {
  let score = wordScores.get(word);
  if (score === undefined) {
    score = sentimentOf([word]);
    if (wordScores.size < 50_000) wordScores.set(word, score);
  }
  return score;
}

/** AFINN sum over tokens [lo, hi]; a negation flips what follows it, as in natural's analyser. Negative at -3 or below. */
function negativeAround(context: Context, lo: number, hi: number): boolean {
  if (!context.scores) {
    context.scores = new Float64Array(context.tokens.length);
    context.tokens.forEach((token, index) => {
      const word = token.forms[0] ?? token.raw;
      context.scores![index] = SENTIMENT_NEGATORS.has(word) ? Number.NaN : word.length > 30 ? 0 : scoreOf(word);
    });
  }
  let sum = 0;
  let sign = 1;
  for (let i = Math.max(0, lo); i <= hi && i < context.tokens.length; i += 1) {
    const score = context.scores[i]!;
    if (Number.isNaN(score)) sign = -1;
    else sum += sign * score;
  }
  return sum <= -3;
}

function negated(context: Context, negators: Set<string>, first: number): boolean {
  const sentence = context.tokens[first]!.sentence;
  for (let i = first - 1; i >= Math.max(0, first - 3); i -= 1) {
    const token = context.tokens[i]!;
    if (token.sentence !== sentence) break;
    if (token.forms.some((form) => negators.has(form))) return true;
  }
  return false;
}

/**
 * Checks a rule's context around tokens [first, last]; returns the span (token indexes)
 * to flag, widened to the context word when close, or undefined when the context is missing.
 */
function inContext(context: Context, engine: Engine, entry: CompiledRule, first: number, last: number): { first: number; last: number } | undefined {
  const { rule } = entry;
  const sentence = context.tokens[first]!.sentence;
  const sentenceLo = context.sentenceFirst[sentence]!;
  const sentenceHi = context.sentenceLast[sentence]!;
  if (entry.unless.size > 0 && nearestHit(context, entry.unless, sentenceLo, sentenceHi, first)) return undefined;
  if (rule.firstPerson && !nearFirstPerson(context, sentence, rule.category === 'private-life')) return undefined;
  if (rule.negatable && negated(context, engine.negators, first)) return undefined;
  if (entry.near.size === 0) return { first, last };
  const lo = rule.within !== undefined ? first - rule.within : sentenceLo;
  const hi = rule.within !== undefined ? last + rule.within : sentenceHi;
  const near = nearestHit(context, entry.near, lo, hi, first);
  if (near) {
    const spanFirst = Math.min(first, near.first);
    const spanLast = Math.max(last, near.last);
    const tooWide = context.tokens[spanLast]!.end - context.tokens[spanFirst]!.start > MAX_SPAN;
    return tooWide ? { first, last } : { first: spanFirst, last: spanLast };
  }
  if (rule.sentiment === 'negative' && negativeAround(context, Math.max(lo, sentenceLo), Math.min(hi, sentenceHi))) return { first, last };
  return undefined;
}

function tokenAt(tokens: readonly Token[], offset: number): number {
  let left = 0;
  let right = tokens.length;
  while (left < right) {
    const mid = (left + right) >> 1;
    if (tokens[mid]!.end <= offset) left = mid + 1;
    else right = mid;
  }
  return Math.min(left, tokens.length - 1);
}

export function findRisks(engine: Engine, norm: NormalizedText, tokenized: Tokenized, original: string): Finding[] {
  const { tokens } = tokenized;
  const findings: Finding[] = [];
  const hits = engine.index.match(tokens);
  const context = buildContext(tokens, hits, tokenized.sentenceStarts.length);

  const perRule = new Map<Rule, number>();
  const saturated = (rule: Rule): boolean => (perRule.get(rule) ?? 0) >= MAX_FINDINGS_PER_RULE;
  const count = (rule: Rule): void => {
    perRule.set(rule, (perRule.get(rule) ?? 0) + 1);
  };
  for (const hit of hits) {
    if (findings.length >= MAX_FINDINGS) break;
    const entries = engine.byTrigger.get(hit.phrase.id);
    if (!entries) continue;
    for (const entry of entries) {
      if (saturated(entry.rule)) continue;
      const start = tokens[hit.first]!.start;
      const end = tokens[hit.last]!.end;
      const exact = entry.exactCase.get(hit.phrase.id);
      if (exact !== undefined || entry.capitalized.has(hit.phrase.id)) {
        const written = original.slice(norm.starts[start], norm.ends[end - 1]);
        // Case-sensitive terms: a lower-case term ("af", "lmao") matches only lower-case writing; otherwise the exact spelling.
        if (exact !== undefined && (exact === exact.toLowerCase() ? written !== written.toLowerCase() : written.replace(/\s+/g, ' ') !== exact)) continue;
        if (entry.capitalized.has(hit.phrase.id) && !/^\p{Lu}/u.test(written)) continue;
      }
      const span = inContext(context, engine, entry, hit.first, hit.last);
      if (span) {
        findings.push({ rule: entry.rule, start: tokens[span.first]!.start, end: tokens[span.last]!.end });
        count(entry.rule);
      }
    }
  }

  if (tokens.length === 0) return findings;
  for (const entry of engine.scanners) {
    const spans: Array<{ start: number; end: number }> = [];
    if (entry.rule.detector) spans.push(...detect(entry.rule.detector, norm.text));
    for (const pattern of entry.rule.patterns) {
      pattern.lastIndex = 0;
      let count = 0;
      for (let match = pattern.exec(norm.text); match && count < MAX_MATCHES_PER_PATTERN; match = pattern.exec(norm.text)) {
        if (match[0].length === 0) {
          pattern.lastIndex += 1;
          continue;
        }
        spans.push({ start: match.index, end: match.index + match[0].length });
        count += 1;
      }
    }
    for (const span of spans.slice(0, MAX_MATCHES_PER_PATTERN)) {
      if (findings.length >= MAX_FINDINGS || saturated(entry.rule)) break;
      const first = tokenAt(tokens, span.start);
      const last = Math.max(first, tokenAt(tokens, span.end - 1));
      if (!inContext(context, engine, entry, first, last)) continue;
      findings.push({ rule: entry.rule, start: span.start, end: span.end });
      count(entry.rule);
    }
  }
  return findings;
}
