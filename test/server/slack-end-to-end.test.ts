/**
 * The whole runtime with the real Slack adapter (Bolt over HTTP) on the shared
 * server: signed requests into POST /slack/events, the Web API played by a
 * local fake Slack (SLACK_API_URL). A manager nudges a channel with the slash
 * command and on schedule; when Slack says not_in_channel the schedule pauses
 * and the manager gets a DM. A draft with a canary, sent in a DM, leaves no
 * trace in the database or the logs.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp } from '../../adapters/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createLogger, memoryDestination } from '../../src/server/logger.ts';
import type { RunningApp } from '../../src/server/start-app.ts';
import { FakeSlack } from '../slack/helpers/fake-slack.ts';
import { createDirectMessage, createSlashCommand } from '../slack/helpers/payloads.ts';
import { send, SIGNING_SECRET } from '../slack/helpers/signed-request.ts';
import { tempSqlite, type TestDatabase } from '../storage/databases.ts';
import { TestClock } from './app-fixtures.ts';

const CANARY = `zq${randomBytes(6).toString('hex')}slackcanary`;

describe('Slack, end to end through the shared server', () => {
  const db: TestDatabase = tempSqlite();
  const logs = memoryDestination();
  const slack = new FakeSlack();
  const clock = new TestClock(new Date('2026-11-24T08:30:00Z'));
  let app: RunningApp;

  beforeAll(async () => {
    await slack.start();
    app = await startApp({
      config: loadConfig({
        SQLITE_PATH: db.options.sqlitePath,
        MANAGER_IDS: 'slack:W111',
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        LOG_LEVEL: 'trace',
      }),
      port: 0,
      clock: clock.now,
      startScheduler: false,
      logger: createLogger({ level: 'trace', destination: logs }),
    });
  });

  afterAll(async () => {
    await app?.close();
    await slack.stop();
    await db.cleanup();
  });

  function command(text: string) {
    return createSlashCommand({ text, user_id: 'W111', response_url: slack.responseUrl('cmd') });
  }

  const postsTo = (channel: string) => slack.visible.filter((call) => call.method === 'chat.postMessage' && call.params.channel === channel);

  it('reports Slack as on at /healthz', async () => {
    const health = (await (await fetch(`${app.url}/healthz`)).json()) as { platforms: unknown };
    expect(health.platforms).toEqual({ slack: { enabled: true, mode: 'http' }, teams: { enabled: true, mode: 'anonymous' } });
  });

  it('nudges a channel from the slash command and on schedule, and stops when the bot is removed', async () => {
    expect((await send(app.url, command('nudge <#C0GENERAL1|general> vent-offline'))).status).toBe(200);
    await slack.waitFor(() => postsTo('C0GENERAL1').length === 1);
    expect(JSON.stringify(postsTo('C0GENERAL1')[0]!.params)).toContain('Bad day? Vent to a friend, not a feed');

    expect((await send(app.url, command('nudge schedule <#C0GENERAL1|general> daily 09:00 UTC next'))).status).toBe(200);
    // The schedule is stored (at once, or after the acknowledgement on a slow machine); then run the due occurrence.
    await vi.waitFor(async () => expect(await app.storage.schedules.listVisible('slack')).toHaveLength(1), { timeout: 10_000, interval: 50 });
    clock.set('2026-11-24T09:00:10Z');
    await app.scheduler.tick(clock.now());
    expect(postsTo('C0GENERAL1')).toHaveLength(2);

    slack.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    clock.set('2026-11-25T09:00:10Z');
    await app.scheduler.tick(clock.now());
    clock.set('2026-11-26T09:00:10Z');
    await app.scheduler.tick(clock.now());
    expect(postsTo('C0GENERAL1')).toHaveLength(3); // two sent, one refused, none after
    const schedule = (await app.storage.schedules.listVisible('slack'))[0]!;
    expect(schedule.status).toBe('channel_unavailable');
    // The manager used the slash command in a channel: the report is a DM (posted to the user id).
    const dm = postsTo('W111');
    expect(dm).toHaveLength(1);
    expect(JSON.stringify(dm[0]!.params)).toContain('is paused: I can no longer post there');
  });

  it('keeps no trace of a draft sent in a DM', async () => {
    for (const text of [`Got wasted at the offsite, my manager is a clown ${CANARY}`, `review Hungover again, ${CANARY} was a disaster`]) {
      const before = postsTo('D111').length;
      expect((await send(app.url, createDirectMessage({ event: { user: 'W222', text } }))).status).toBe(200);
      await slack.waitFor(() => postsTo('D111').length > before);
    }
    const stats = await app.storage.stats.weeks(new Date('2026-11-01T00:00:00Z'));
    expect(stats.reduce((sum, week) => sum + week.reviews, 0)).toBeGreaterThanOrEqual(1);

    await app.close();
    const dir = dirname(db.options.sqlitePath!);
    for (const name of readdirSync(dir)) {
      expect(readFileSync(join(dir, name)).includes(Buffer.from(CANARY)), `${name} holds the canary`).toBe(false);
    }
    expect(logs.text()).not.toContain(CANARY);
    expect(logs.lines.length).toBeGreaterThan(5);
  });
});
