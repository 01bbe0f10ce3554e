import { describe, expect, it } from 'vitest';
import { parseManagerCommand } from '../../src/nudges/parse-command.ts';

describe('parseManagerCommand', () => {
  const cases: Array<[string, ReturnType<typeof parseManagerCommand>]> = [
    ['nudge', { type: 'help' }],
    ['nudge help', { type: 'help' }],
    ['stats', { type: 'stats' }],
    ['nudge list', { type: 'list' }],
    ['nudge cancel 3', { type: 'cancel', id: 3 }],
    ['nudge cancel #12', { type: 'cancel', id: 12 }],
    ['nudge resume 4', { type: 'resume', id: 4 }],
    // Slack links a channel the person picked from the list.
    ['nudge <#C0123ABCD|general> next', { type: 'send', channel: '<#C0123ABCD|general>', content: { kind: 'next' } }],
    ['nudge <#C0123ABCD>', { type: 'send', channel: '<#C0123ABCD>', content: { kind: 'next' } }],
    ['nudge here vent-offline', { type: 'send', channel: 'here', content: { kind: 'word', word: 'vent-offline' } }],
    ['nudge #General Confidential-Info', { type: 'send', channel: '#General', content: { kind: 'word', word: 'confidential-info' } }],
    // Own words keep their spacing and case.
    ['nudge #general Reminder:  the all-hands  is Thursday', { type: 'send', channel: '#general', content: { kind: 'text', text: 'Reminder:  the all-hands  is Thursday' } }],
    // Quotes make one word into own text, and a Teams channel name with spaces into one token.
    ['nudge "#Team updates" "Welcome"', { type: 'send', channel: '#Team updates', content: { kind: 'text', text: 'Welcome' } }],
    [
      'nudge schedule <#C1|general> weekly mon,wed 09:00 Europe/Paris next',
      { type: 'schedule-weekly', channel: '<#C1|general>', days: 'mon,wed', time: '09:00', timeZone: 'Europe/Paris', content: { kind: 'next' } },
    ],
    [
      'nudge schedule here daily 17:30 UTC hiring-screening',
      { type: 'schedule-weekly', channel: 'here', days: 'daily', time: '17:30', timeZone: 'UTC', content: { kind: 'word', word: 'hiring-screening' } },
    ],
    [
      'nudge schedule #general cron "0 9 * * 1" America/New_York Have a good week, and check drafts in private!',
      { type: 'schedule-cron', channel: '#general', cron: '0 9 * * 1', timeZone: 'America/New_York', content: { kind: 'text', text: 'Have a good week, and check drafts in private!' } },
    ],
    // Slack turns straight quotes into curly ones.
    ['nudge schedule #general cron “0 9 * * 1” UTC', { type: 'schedule-cron', channel: '#general', cron: '0 9 * * 1', timeZone: 'UTC', content: { kind: 'next' } }],
    ['nudge schedule #general cron 0 9 * * 1 UTC next', { type: 'schedule-cron', channel: '#general', cron: '0 9 * * 1', timeZone: 'UTC', content: { kind: 'next' } }],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(parseManagerCommand(input)).toEqual(expected);
  });

  it.each([
    ['nudge cancel', 'Say which schedule to cancel by its number, e.g. "nudge cancel 3". "nudge list" shows the numbers.'],
    ['nudge cancel abc', 'Say which schedule to cancel by its number, e.g. "nudge cancel 3". "nudge list" shows the numbers.'],
    ['nudge schedule #general', 'Say where and when, e.g. "nudge schedule #general weekly mon,wed 09:00 Europe/Paris next".'],
    ['nudge schedule #general weekly mon 09:00', 'A weekly schedule needs days, a time and a time zone, e.g. "weekly mon,wed 09:00 Europe/Paris".'],
    ['nudge schedule #general monthly 1 09:00 UTC', '"monthly" is not a kind of schedule: use weekly (or daily, weekdays) or cron.'],
    ['nudge schedule #general cron "0 9 * * 1"', 'Add a time zone after the cron expression, e.g. Europe/Paris or UTC.'],
  ])('%s is invalid', (input, problem) => {
    expect(parseManagerCommand(input)).toEqual({ type: 'invalid', problem });
  });
});
