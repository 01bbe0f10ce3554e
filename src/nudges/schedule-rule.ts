/**
 * Schedule rules: "weekly mon,wed 09:00" or a cron expression, in an IANA time
 * zone. Weekly rules become cron expressions, so there is one way to compute
 * occurrences (cron-parser, which follows the zone's daylight-saving changes).
 */
import { CronExpressionParser } from 'cron-parser';
import { DateTime, IANAZone } from 'luxon';
import { SocialCheckError } from '../core/errors.ts';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_NAMES: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

export interface ScheduleRule {
  cron: string;
  timeZone: string;
  /** How people read it: "every Mon, Wed at 09:00 (Europe/Paris)". */
  label: string;
}

/** Validates an IANA time zone name and returns its canonical spelling. */
export function parseTimeZone(input: string): string {
  const zone = IANAZone.create(input);
  if (!zone.isValid) {
    throw new SocialCheckError('input_invalid', `"${input}" is not a time zone I know. Use an IANA name such as Europe/Paris, America/New_York or UTC.`);
  }
  return input.toUpperCase() === 'UTC' ? 'UTC' : zone.name;
}

/** `mon,wed`, `mon-fri`, `weekdays`, `daily` → sorted day numbers (0 = Sunday). */
export function parseDays(input: string): number[] {
  const text = input.toLowerCase();
  if (text === 'daily' || text === 'everyday' || text === 'every-day') return [0, 1, 2, 3, 4, 5, 6];
  if (text === 'weekdays') return [1, 2, 3, 4, 5];
  const days = new Set<number>();
  for (const piece of text.split(',')) {
    if (piece === '') continue;
    const range = piece.split('-');
    if (range.length === 2) {
      const from = DAY_NAMES[range[0]!];
      const to = DAY_NAMES[range[1]!];
      if (from === undefined || to === undefined) throw badDays(input);
      for (let day = from; ; day = (day + 1) % 7) {
        days.add(day);
        if (day === to) break;
      }
    } else {
      const day = DAY_NAMES[piece];
      if (day === undefined) throw badDays(input);
      days.add(day);
    }
  }
  if (days.size === 0) throw badDays(input);
  return [...days].sort((a, b) => a - b);
}

function badDays(input: string): SocialCheckError {
  return new SocialCheckError('input_invalid', `"${input}" is not a list of days. Write them like mon,wed or mon-fri, or say weekdays or daily.`);
}

/** `09:00`, `9:30`, `17h`, `9am`, `5:30pm` → [hour, minute]. */
export function parseTime(input: string): [number, number] {
  const match = /^(\d{1,2})(?:([:.h])(\d{2})?)?\s*(am|pm)?$/i.exec(input.trim());
  if (match) {
    let hour = Number(match[1]);
    const separator = match[2]?.toLowerCase();
    const minute = match[3] === undefined ? 0 : Number(match[3]);
    const half = match[4]?.toLowerCase();
    if ((separator === ':' || separator === '.') && match[3] === undefined) hour = 99; // "9:" is unfinished
    if (half) {
      if (hour < 1 || hour > 12) hour = 99;
      else hour = (hour % 12) + (half === 'pm' ? 12 : 0);
    } else if (separator === undefined) {
      hour = 99; // a bare number is ambiguous: ask for HH:MM
    }
    if (hour <= 23 && minute <= 59) return [hour, minute];
  }
  throw new SocialCheckError('input_invalid', `"${input}" is not a time of day. Write it as HH:MM on a 24-hour clock, e.g. 09:00 or 17:30.`);
}

export function weeklyRule(days: string, time: string, timeZone: string): ScheduleRule {
  const dayNumbers = parseDays(days);
  const [hour, minute] = parseTime(time);
  const zone = parseTimeZone(timeZone);
  const dayLabel =
    dayNumbers.length === 7 ? 'every day' : dayNumbers.join(',') === '1,2,3,4,5' ? 'every weekday' : `every ${dayNumbers.map((d) => capitalize(DAYS[d]!)).join(', ')}`;
  return {
    cron: `${minute} ${hour} * * ${dayNumbers.join(',')}`,
    timeZone: zone,
    label: `${dayLabel} at ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} (${zone})`,
  };
}

/** At most one occurrence per this many minutes: nudges are tips, not alarms. */
export const MIN_INTERVAL_MINUTES = 60;

export function cronRule(expression: string, timeZone: string, now: Date): ScheduleRule {
  const zone = parseTimeZone(timeZone);
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new SocialCheckError('input_invalid', `A cron expression has five fields (minute hour day-of-month month day-of-week), e.g. "0 9 * * 1". "${expression}" has ${fields.length}.`);
  }
  const cron = fields.join(' ');
  let first: Date;
  let second: Date;
  try {
    const parsed = CronExpressionParser.parse(cron, { tz: zone, currentDate: now });
    first = parsed.next().toDate();
    second = parsed.next().toDate();
  } catch (error) {
    throw new SocialCheckError('input_invalid', `"${expression}" is not a valid cron expression (${(error as Error).message}). Example: "0 9 * * 1" is Mondays at 09:00.`);
  }
  if (second.getTime() - first.getTime() < MIN_INTERVAL_MINUTES * 60_000) {
    throw new SocialCheckError('input_invalid', `"${expression}" would post more often than once an hour. Nudges work best weekly or a few times a week.`);
  }
  return { cron, timeZone: zone, label: `cron "${cron}" (${zone})` };
}

/** Occurrences strictly after `after` and at or before `until`, oldest first, at most `limit`. */
export function occurrencesBetween(cron: string, timeZone: string, after: Date, until: Date, limit = 20): Date[] {
  if (until.getTime() <= after.getTime()) return [];
  const expression = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: after, endDate: until });
  const out: Date[] = [];
  while (out.length < limit && expression.hasNext()) {
    const next = expression.next().toDate();
    if (next.getTime() > until.getTime()) break;
    if (next.getTime() > after.getTime()) out.push(next);
  }
  return out;
}

/** The next occurrence after `now`, for confirmations and `nudge list`. */
export function nextOccurrence(cron: string, timeZone: string, now: Date): Date | undefined {
  try {
    return CronExpressionParser.parse(cron, { tz: timeZone, currentDate: now }).next().toDate();
  } catch {
    return undefined;
  }
}

/** "Wed 25 Nov 09:00 CET" in the schedule's zone. */
export function formatInZone(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).setLocale('en-GB').toFormat('ccc d LLL yyyy HH:mm ZZZZ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
