/**
 * Validated detectors for personal data and credentials, over the normalized
 * (lower-cased) text. Each returns spans in normalized offsets. A run of digits
 * counts only when it passes the checks a real number passes: Luhn and issuer
 * prefix for cards, the SSA rules for US Social Security numbers, mod-97 and the
 * country's length for IBANs, the grouping of real phone numbers (NANP,
 * international "+", national trunk "0"). Every scan is linear: regular
 * expressions here have no nested unbounded quantifiers (checked in a test).
 */
import { cardPrefixValid, ibanLength, ibanValid, luhnValid, ssnValid } from './checksums.ts';
import type { DetectorName } from './rule-types.ts';

export interface Span {
  start: number;
  end: number;
}

const PHONE_CUE = /(?:call|text|phone|tel|cell|mobile|whatsapp|number|ring|reach me|contact|fax|sms|dial)(?:\W{1,3}(?:me|us|at|on|is|no|number)){0,3}\W{0,3}$/;
const SSN_CUE = /(?:ssn|social security(?: number)?|ss#)(?: is| was| no\.?| number)?\W{0,4}$/;

const ALNUM = /[\p{L}\p{N}]/u;

function isAlnum(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return ALNUM.test(ch);
}

function isAsciiAlnum(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

interface DigitRun extends Span {
  digits: string;
  groups: number[];
  separators: string;
  plus: boolean;
}

/** Runs of digits joined by single separators (space, dash, dot, slash, brackets), not glued to letters. */
export function digitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i]!;
    const startsRun = (ch >= '0' && ch <= '9') || ((ch === '+' || ch === '(') && text[i + 1] !== undefined && text[i + 1]! >= '0' && text[i + 1]! <= '9');
    if (!startsRun || isAlnum(text[i - 1])) {
      i += 1;
      continue;
    }
    let j = i;
    let digits = '';
    let separators = '';
    const groups: number[] = [];
    let group = 0;
    let lastDigitEnd = i;
    const plus = ch === '+';
    if (ch === '+' || ch === '(') j += 1;
    while (j < n) {
      const c = text[j]!;
      if (c >= '0' && c <= '9') {
        digits += c;
        group += 1;
        j += 1;
        lastDigitEnd = j;
        continue;
      }
      // Up to two separator characters between digits: "-", " ", ".", "/", ") ".
      let k = j;
      let sep = '';
      while (k < n && k - j < 2 && ' -./()'.includes(text[k]!)) {
        sep += text[k];
        k += 1;
      }
      if (sep === '' || k >= n || !(text[k]! >= '0' && text[k]! <= '9')) break;
      if (group > 0) groups.push(group);
      group = 0;
      separators += sep.trim() === '' ? ' ' : sep.trim();
      j = k;
    }
    if (group > 0) groups.push(group);
    if (digits.length > 0 && !isAlnum(text[lastDigitEnd])) runs.push({ start: i, end: lastDigitEnd, digits, groups, separators, plus });
    i = Math.max(lastDigitEnd, i + 1);
  }
  return runs;
}

function sameGroups(groups: number[], expected: number[]): boolean {
  return groups.length === expected.length && groups.every((value, index) => value === expected[index]);
}

function before(text: string, start: number, width: number): string {
  return text.slice(Math.max(0, start - width), start);
}

function isCard(run: DigitRun): boolean {
  if (run.digits.length < 13 || run.digits.length > 19 || run.plus) return false;
  if (/[./()]/.test(run.separators)) return false;
  const grouped = run.groups.length === 1 || run.groups.slice(0, -1).every((size) => size === 4) || sameGroups(run.groups, [4, 6, 5]) || sameGroups(run.groups, [4, 6, 4]);
  return grouped && cardPrefixValid(run.digits) && luhnValid(run.digits);
}

function isSsn(text: string, run: DigitRun): boolean {
  if (run.plus || /[./()]/.test(run.separators)) return false;
  const { digits } = run;
  if (sameGroups(run.groups, [3, 2, 4])) return ssnValid(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5));
  return run.groups.length === 1 && digits.length === 9 && SSN_CUE.test(before(text, run.start, 30)) && ssnValid(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5));
}

function looksLikeDateOrVersion(run: DigitRun): boolean {
  if (run.separators.includes('/')) return true;
  if (/^[.]+$/.test(run.separators) && run.groups.every((size) => size <= 3)) return true; // IP address, version
  if (sameGroups(run.groups, [4, 2, 2]) || sameGroups(run.groups, [2, 2, 4]) || sameGroups(run.groups, [4, 4])) {
    return run.separators !== ' ' && run.separators !== '  ' ? !run.separators.includes('(') : false;
  }
  return false;
}

function isPhone(text: string, run: DigitRun): boolean {
  const { digits, groups } = run;
  const count = digits.length;
  if (count < 7 || count > 15) return false;
  const cue = PHONE_CUE.test(before(text, run.start, 30));
  if (run.plus) return count >= 8 && (groups.length >= 2 || cue);
  if (looksLikeDateOrVersion(run)) return false;
  const nanpArea = (offset: number): boolean => digits[offset]! >= '2' && digits[offset + 3]! >= '2';
  const parenthesised = text[run.start] === '(';
  if (count === 10 && digits[0] !== '0') {
    if (!nanpArea(0)) return false;
    if (sameGroups(groups, [3, 3, 4])) return parenthesised || /[-.)]/.test(run.separators) || cue;
    return groups.length === 1 && cue;
  }
  if (count === 11 && digits[0] === '1') return nanpArea(1) && (sameGroups(groups, [1, 3, 3, 4]) || cue);
  if (digits[0] === '0' && (count === 10 || count === 11)) return groups.length >= 2 || cue;
  if (count === 9 && digits[0] === '0') return groups.length >= 2 && cue;
  if (count === 7) return sameGroups(groups, [3, 4]) && cue;
  if (count === 8) return (sameGroups(groups, [4, 4]) || sameGroups(groups, [2, 2, 2, 2])) && cue;
  return false;
}

function scanNumbers(text: string, want: 'card' | 'ssn' | 'phone'): Span[] {
  const spans: Span[] = [];
  for (const run of digitRuns(text)) {
    if (isCard(run)) {
      if (want === 'card') spans.push(run);
    } else if (isSsn(text, run)) {
      if (want === 'ssn') spans.push(run);
    } else if (want === 'phone' && isPhone(text, run)) {
      spans.push({ start: run.start, end: run.end });
    }
  }
  return spans;
}

const LOCAL = /[a-z0-9._%+-]/;
const DOMAIN = /[a-z0-9.-]/;

export function detectEmails(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  let lastEnd = 0;
  for (;;) {
    const at = text.indexOf('@', from);
    if (at < 0) break;
    from = at + 1;
    let start = at;
    while (start > lastEnd && at - start < 64 && LOCAL.test(text[start - 1]!)) start -= 1;
    let end = at + 1;
    while (end < text.length && end - at < 255 && DOMAIN.test(text[end]!)) end += 1;
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end -= 1;
    const domain = text.slice(at + 1, end);
    const labels = domain.split('.');
    const tld = labels[labels.length - 1] ?? '';
    if (start < at && labels.length >= 2 && labels.every((label) => label !== '') && /^[a-z]{2,24}$/.test(tld)) {
      spans.push({ start, end });
      lastEnd = end;
      from = end;
    }
  }
  return spans;
}

export function detectIbans(text: string): Span[] {
  const spans: Span[] = [];
  const starts = /[a-z]{2}\d{2}/g;
  for (let match = starts.exec(text); match; match = starts.exec(text)) {
    const start = match.index;
    if (isAlnum(text[start - 1])) continue;
    const length = ibanLength(match[0].slice(0, 2));
    if (!length) continue;
    let compact = '';
    let j = start;
    while (j < text.length && compact.length < length) {
      const ch = text[j]!;
      if (isAsciiAlnum(ch)) {
        compact += ch;
        j += 1;
      } else if (ch === ' ' && isAsciiAlnum(text[j + 1])) j += 1;
      else break;
    }
    if (compact.length === length && !isAsciiAlnum(text[j]) && ibanValid(compact)) {
      spans.push({ start, end: j });
      starts.lastIndex = j;
    }
  }
  return spans;
}

const STREET_SUFFIX =
  'street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|way|terrace|close|crescent|parkway|pkwy|highway|hwy|square|sq|circle|cir|mews|grove|gardens';
const ADDRESS_PATTERNS = [
  new RegExp(`\\b\\d{1,5}[a-z]?,? (?:[a-z][a-z'.-]{0,20} ){1,3}(?:${STREET_SUFFIX})\\b\\.?(?:,? (?:apt|apartment|unit|suite|flat)\\.? ?#?[0-9a-z]{1,5})?`, 'g'),
  /\b\d{1,4},? (?:rue|avenue|calle|via|viale|rua|boulevard|bd|chaussee|strada) (?:[a-z'-]{1,20} ){0,3}[a-z'-]{2,20}/g,
  /\b[a-zäöüß-]{3,30}(?:strasse|straße|str\.|weg|gasse|platz|allee) \d{1,4}[a-z]?\b/g,
  /\b(?:my|our) (?:home |new )?address(?: is|:)[^\n.!?]{3,60}/g,
];

/** Words that cannot be part of a street name: "in 2 years the street changed" is no address. */
const NOT_A_STREET_NAME = new Set(['the', 'a', 'an', 'this', 'that', 'my', 'our', 'your', 'his', 'her', 'their', 'every', 'each', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'years', 'days', 'weeks', 'months', 'minutes', 'hours', 'times', 'people', 'way']);

function detectAddresses(text: string): Span[] {
  const spans: Span[] = [];
  ADDRESS_PATTERNS.forEach((pattern, index) => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (index === 0) {
        const words = match[0].split(/[ ,]+/).slice(1, -1);
        if (words.some((word) => NOT_A_STREET_NAME.has(word))) continue;
      }
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  });
  return spans;
}

const DOOR_CUE = /\b(?:front door|back door|door|gate|entry|entrance|keypad|alarm|lockbox|key ?box|key safe|building|garage|buzzer|access|padlock) ?(?:code|pin|combo|combination)\b/g;
const ID_CUE =
  /\b(?:passport(?: number| no\.?| #)?|driver'?s licen[cs]e(?: number| no\.?)?|driving licen[cs]e(?: number)?|licen[cs]e (?:number|no\.?)|national id(?: number)?|id number|nhs number|national insurance(?: number)?|tax id|social security number|account (?:number|no\.?)|routing number|sort code|employee (?:id|number)|member(?:ship)? number|pin)\b/g;

/** A cue phrase followed, within `reach` characters, by a code matching `value`. */
function cueThenValue(text: string, cue: RegExp, value: RegExp, reach: number): Span[] {
  const spans: Span[] = [];
  cue.lastIndex = 0;
  for (let match = cue.exec(text); match; match = cue.exec(text)) {
    const after = match.index + match[0].length;
    const window = text.slice(after, after + reach);
    const found = value.exec(window);
    if (found && !/[\n.!?]\s/.test(window.slice(0, found.index))) {
      spans.push({ start: match.index, end: after + found.index + found[0].length });
      cue.lastIndex = after + found.index + found[0].length;
    }
  }
  return spans;
}

const SECRET_PATTERNS = [
  /\b(?:sk|pk|rk)_(?:live|test)_[a-z0-9]{8,}/g,
  /\bakia[a-z0-9]{16}\b/g,
  /\bgh[pousr]_[a-z0-9]{30,}/g,
  /\bxox[abprs]-[a-z0-9-]{10,}/g,
  /\beyj[a-z0-9_-]{10,}\.[a-z0-9_-]{10,}/g,
  /-----begin [a-z ]{0,20}private key-----/g,
];
const PASSWORD_CUE = /\b(?:password|passwd|passcode|pwd|login|pw)(?: is|:| =| -)/g;

function detectSecrets(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  // "password: hunter2!": the value must look like a password (a digit or a symbol), not "password is too weak".
  spans.push(...cueThenValue(text, PASSWORD_CUE, /^ ?(?:still |now |just )?(?=[^\s]{0,40}[0-9!#$%&*@])[^\s]{4,40}/, 48));
  return spans;
}

export function detect(name: DetectorName, text: string): Span[] {
  switch (name) {
    case 'email':
      return detectEmails(text);
    case 'phone':
      return scanNumbers(text, 'phone');
    case 'card':
      return scanNumbers(text, 'card');
    case 'ssn':
      return scanNumbers(text, 'ssn');
    case 'iban':
      return detectIbans(text);
    case 'street-address':
      return detectAddresses(text);
    case 'door-code':
      return cueThenValue(text, DOOR_CUE, /[0-9][0-9#*]{2,9}(?![0-9a-z])/, 30);
    case 'id-number':
      return cueThenValue(text, ID_CUE, /\b(?=[a-z0-9-]{0,20}[0-9][a-z0-9-]{0,20}[0-9][a-z0-9-]{0,20}[0-9][a-z0-9-]{0,20}[0-9])[a-z0-9][a-z0-9-]{4,19}\b/, 30);
    case 'secret':
      return detectSecrets(text);
  }
}

/** Every regular expression the detectors use, for the backtracking test. */
export const DETECTOR_REGEXES: readonly RegExp[] = [PHONE_CUE, SSN_CUE, ...ADDRESS_PATTERNS, DOOR_CUE, ID_CUE, ...SECRET_PATTERNS, PASSWORD_CUE];
