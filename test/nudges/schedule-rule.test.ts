import { describe, expect, it } from 'vitest';
import { cronRule, formatInZone, occurrencesBetween, parseDays, parseTime, weeklyRule } from '../../src/nudges/schedule-rule.ts';

describe('schedule rules', () => {
  it('turns a weekly rule into cron, in the time zone', () => {
    expect(weeklyRule('mon,wed', '09:00', 'Europe/Paris')).toEqual({ cron: '0 9 * * 1,3', timeZone: 'Europe/Paris', label: 'every Mon, Wed at 09:00 (Europe/Paris)' });
    expect(weeklyRule('weekdays', '5:30pm', 'utc')).toEqual({ cron: '30 17 * * 1,2,3,4,5', timeZone: 'UTC', label: 'every weekday at 17:30 (UTC)' });
    expect(weeklyRule('fri-mon', '8h', 'Asia/Tokyo').cron).toBe('0 8 * * 0,1,5,6');
  });

  it('computes occurrences across a daylight-saving change', () => {
    // Paris leaves summer time on 25 October 2026: 09:00 is 07:00Z before, 08:00Z after.
    const rule = weeklyRule('mon', '09:00', 'Europe/Paris');
    const at = occurrencesBetween(rule.cron, rule.timeZone, new Date('2026-10-15T00:00:00Z'), new Date('2026-11-03T00:00:00Z'));
    expect(at.map((date) => date.toISOString())).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-11-02T08:00:00.000Z']);
  });

  it('excludes the start instant and includes the end instant', () => {
    const at = occurrencesBetween('0 9 * * *', 'UTC', new Date('2026-11-24T09:00:00Z'), new Date('2026-11-25T09:00:00Z'));
    expect(at.map((date) => date.toISOString())).toEqual(['2026-11-25T09:00:00.000Z']);
  });

  it('refuses bad input with a message that says what to write', () => {
    expect(() => parseDays('mon,funday')).toThrow('"mon,funday" is not a list of days. Write them like mon,wed or mon-fri, or say weekdays or daily.');
    expect(() => parseTime('25:00')).toThrow('"25:00" is not a time of day. Write it as HH:MM on a 24-hour clock, e.g. 09:00 or 17:30.');
    expect(() => parseTime('9')).toThrow('"9" is not a time of day');
    expect(() => weeklyRule('mon', '09:00', 'Mars/Olympus')).toThrow('"Mars/Olympus" is not a time zone I know. Use an IANA name such as Europe/Paris, America/New_York or UTC.');
    expect(() => cronRule('0 9 * *', 'UTC', new Date())).toThrow('A cron expression has five fields');
    expect(() => cronRule('*/5 * * * *', 'UTC', new Date())).toThrow('would post more often than once an hour');
    expect(() => cronRule('0 25 * * *', 'UTC', new Date())).toThrow('is not a valid cron expression');
  });

  it('formats instants in the schedule zone', () => {
    expect(formatInZone(new Date('2026-11-25T08:00:00Z'), 'Europe/Paris')).toBe('Wed 25 Nov 2026 09:00 CET');
  });
});
