/**
 * Drafts are never stored or logged. Drafts carrying a unique canary go through
 * the whole app (HTTP into the real Teams adapter, anonymous mode, replies to a
 * fake Bot Connector), then the database files and every log line are searched
 * for the canary.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../adapters/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createLogger, memoryDestination } from '../../src/server/logger.ts';
import type { RunningApp } from '../../src/server/start-app.ts';
import { personalMessage, personalSubmit } from '../teams/helpers/activities.ts';
import { FakeConnector } from '../teams/helpers/fake-connector.ts';
import { tempSqlite, type TestDatabase } from '../storage/databases.ts';

const CANARY = `zq${randomBytes(6).toString('hex')}canary`;

describe('privacy canary through the running app', () => {
  const db: TestDatabase = tempSqlite();
  const logs = memoryDestination();
  const connector = new FakeConnector();
  let app: RunningApp;

  beforeAll(async () => {
    await connector.start();
    app = await startApp({
      config: loadConfig({ SQLITE_PATH: db.options.sqlitePath, LOG_LEVEL: 'trace' }),
      port: 0,
      logger: createLogger({ level: 'trace', destination: logs }),
    });
  });

  afterAll(async () => {
    await app?.close();
    await connector.stop();
    await db.cleanup();
  });

  async function send(activity: Record<string, unknown>): Promise<number> {
    const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await response.text();
    return response.status;
  }

  it('reviews drafts with the canary and keeps no trace of them', async () => {
    const drafts = [
      `review Got so drunk at the offsite last night, my boss is an idiot ${CANARY}`,
      `Can't wait for Friday!! Layoffs announced internally today, 200 people, ${CANARY} don't tell anyone`,
      `should I tell my manager about ${CANARY}?`,
    ];
    for (const text of drafts) expect(await send(personalMessage(connector.url, text))).toBe(200);
    // A button that carries the text back (review this as a post).
    expect(await send(personalSubmit(connector.url, { action: 'review-as-post', value: `Hungover at work again ${CANARY}` }))).toBe(200);
    // The bot answered each one (through the fake Bot Connector).
    expect(connector.sent().length).toBeGreaterThanOrEqual(drafts.length);
    // Reviews were counted (anonymously), so the storage path really ran.
    await app.storage.stats.flush();
    const counted = await app.storage.database.db.selectFrom('review_stats').selectAll().execute();
    expect(counted.length).toBeGreaterThan(0);

    await app.close();
    const dir = dirname(db.options.sqlitePath!);
    const files = readdirSync(dir);
    expect(files.some((name) => name.endsWith('.db'))).toBe(true);
    for (const name of files) {
      const bytes = readFileSync(join(dir, name));
      expect(bytes.includes(Buffer.from(CANARY)), `${name} holds the canary`).toBe(false);
      expect(bytes.includes(Buffer.from(CANARY, 'utf16le')), `${name} holds the canary (UTF-16)`).toBe(false);
    }
    expect(logs.lines.length).toBeGreaterThan(5);
    expect(logs.text()).not.toContain(CANARY);
  });
});
