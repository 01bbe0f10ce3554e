/**
 * The whole runtime with the real Teams adapter (anonymous mode) on the shared
 * server: the bot is installed in a team (conversation reference stored), a
 * manager nudges "#general" from a personal chat, schedules a nudge, and the
 * scheduler posts through the real Teams poster to a fake Bot Connector. When
 * Teams answers 403 (the app was removed), the schedule pauses and the manager
 * is told in the personal chat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../adapters/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createLogger, memoryDestination } from '../../src/server/logger.ts';
import type { RunningApp } from '../../src/server/start-app.ts';
import { fixture, personalMessage } from '../teams/helpers/activities.ts';
import { cardStrings } from '../teams/helpers/expect-sent.ts';
import { FakeConnector } from '../teams/helpers/fake-connector.ts';
import { tempSqlite, type TestDatabase } from '../storage/databases.ts';
import { TestClock } from './app-fixtures.ts';

const MANAGER = '29:manager-e2e';
const TEAM_CHANNEL = '19:efa9296d959346209fea44151c742e73@thread.skype';

describe('Teams, end to end through the shared server', () => {
  const db: TestDatabase = tempSqlite();
  const logs = memoryDestination();
  const connector = new FakeConnector();
  const clock = new TestClock(new Date('2026-11-24T08:30:00Z'));
  let app: RunningApp;

  beforeAll(async () => {
    await connector.start();
    app = await startApp({
      config: loadConfig({ SQLITE_PATH: db.options.sqlitePath, MANAGER_IDS: `teams:${MANAGER}` }),
      port: 0,
      clock: clock.now,
      startScheduler: false,
      logger: createLogger({ level: 'debug', destination: logs }),
    });
  });

  afterAll(async () => {
    await app?.close();
    await connector.stop();
    await db.cleanup();
  });

  async function post(activity: Record<string, unknown>): Promise<number> {
    const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await response.text();
    return response.status;
  }

  function fromManager(text: string) {
    return personalMessage(connector.url, text, { from: { id: MANAGER, name: 'Manager' } });
  }

  function postsTo(conversationId: string) {
    return connector.sent().filter((call) => decodeURIComponent(call.path).startsWith(`/v3/conversations/${conversationId}/activities`));
  }

  it('nudges a channel now and on schedule, then stops when the app is removed', async () => {
    // Installed in a team: the reference of its General channel is stored.
    expect(await post({ ...fixture('conversationUpdate_bot_added_to_team.json'), serviceUrl: connector.url })).toBe(200);
    const refs = await app.storage.refs.listConversationRefs('teams');
    expect(refs.map((ref) => [ref.conversationId, ref.name])).toEqual([[TEAM_CHANNEL, 'General']]);

    // Now.
    const personal = fromManager('nudge #general vent-offline');
    expect(await post(personal)).toBe(200);
    const toChannel = postsTo(TEAM_CHANNEL);
    expect(toChannel).toHaveLength(1);
    const strings = cardStrings(toChannel[0]!.body);
    expect(strings).toContain('Bad day? Vent to a friend, not a feed');
    expect(strings).toContain('Ask social-check more');
    const personalId = (personal.conversation as { id: string }).id;
    expect(cardStrings(postsTo(personalId).map((call) => call.body))).toContain('Sent the tip "Bad day? Vent to a friend, not a feed" to #General.');

    // On schedule.
    expect(await post(fromManager('nudge schedule #general weekdays 09:00 UTC next'))).toBe(200);
    expect(cardStrings(postsTo(personalId).map((call) => call.body)).some((text) => text.startsWith('Scheduled #1: the next tip in rotation to #General, every weekday at 09:00 (UTC).'))).toBe(true);
    clock.set('2026-11-24T09:00:30Z');
    await app.scheduler.tick(clock.now());
    await app.scheduler.tick(clock.now());
    expect(postsTo(TEAM_CHANNEL)).toHaveLength(2);

    // The app was removed from the team: Teams answers 403.
    connector.failures.push({ pattern: /19%3Aefa9296d959346209fea44151c742e73/, status: 403 });
    clock.set('2026-11-25T09:00:30Z');
    await app.scheduler.tick(clock.now());
    clock.set('2026-11-26T09:00:30Z');
    await app.scheduler.tick(clock.now());
    const attempts = connector.calls.filter((call) => call.method === 'POST' && decodeURIComponent(call.path).includes(TEAM_CHANNEL));
    expect(attempts).toHaveLength(3); // two delivered, one refused, none after
    const told = cardStrings(postsTo(personalId).map((call) => call.body));
    expect(told.some((text) => text.startsWith('Your scheduled nudge #1 (every weekday at 09:00 (UTC)) to #General is paused'))).toBe(true);
    expect((await app.storage.schedules.get(1))?.status).toBe('channel_unavailable');
  });
});
