import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelPoster } from '../../src/core/ports.ts';
import type { PlatformAdapter } from '../../src/server/adapter-contract.ts';
import { openStorage } from '../../src/storage/storage.ts';
import { tempSqlite, type TestDatabase } from '../storage/databases.ts';
import { fakeAdapter, RecordingPoster, slackMessage, startTestApp, TestClock, type TestApp } from './app-fixtures.ts';

describe('the HTTP server', () => {
  let db: TestDatabase;
  let app: TestApp | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await db.cleanup();
  });

  it('reports the database and the platforms at GET /healthz', async () => {
    db = tempSqlite();
    app = await startTestApp(db);
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      status: 'ok',
      version: '0.1.0',
      time: expect.any(String),
      database: { engine: 'sqlite', ok: true },
      platforms: { slack: { enabled: true, mode: 'http' }, teams: { enabled: true, mode: 'anonymous' } },
      scheduler: { running: false },
    });
  });

  it('answers 503 at /healthz when the database is gone', async () => {
    db = tempSqlite();
    app = await startTestApp(db);
    await app.storage.database.close();
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'degraded', database: { engine: 'sqlite', ok: false } });
  });

  it('answers unknown paths 404 and wrong methods 405, with JSON', async () => {
    db = tempSqlite();
    app = await startTestApp(db);
    const missing = await fetch(`${app.url}/nope`);
    expect([missing.status, await missing.json()]).toEqual([404, { error: 'not_found' }]);
    const wrong = await fetch(`${app.url}/healthz`, { method: 'POST', body: 'x' });
    expect([wrong.status, wrong.headers.get('allow'), await wrong.json()]).toEqual([405, 'GET', { error: 'method_not_allowed' }]);
  });

  it('finishes requests under way on close, and refuses new ones', async () => {
    db = tempSqlite();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow: PlatformAdapter = fakeAdapter('teams', new RecordingPoster('teams'), [
      {
        method: 'POST',
        path: '/api/messages',
        handler: async (req, res) => {
          req.resume();
          started();
          await gate;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"done":true}');
        },
      },
    ]);
    app = await startTestApp(db, { adapters: { teams: async () => slow } });
    const inFlight = fetch(`${app.url}/api/messages`, { method: 'POST', body: '{}' });
    await arrived;
    const closing = app.close();
    let closed = false;
    void closing.then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    // A new connection is refused while the old request drains.
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
    release();
    const response = await inFlight;
    expect([response.status, await response.json()]).toEqual([200, { done: true }]);
    await closing;
    expect(closed).toBe(true);
    app = undefined;
  });
});

describe('shutdown during a scheduled delivery', () => {
  it('lets the delivery finish and records it before closing the database', async () => {
    const db = tempSqlite();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let posting: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      posting = resolve;
    });
    const slow: ChannelPoster = {
      platform: 'slack',
      async post() {
        posting();
        await gate;
        return { messageId: 'slow-1' };
      },
    };
    const clock = new TestClock(new Date('2026-11-24T08:59:00Z'));
    const app = await startTestApp(db, { clock: clock.now, adapters: { slack: async () => fakeAdapter('slack', slow) } });
    await app.core.handle(slackMessage('nudge schedule <#C0GENERAL1|general> daily 09:00 UTC next'));
    const tick = app.scheduler.tick(clock.advance(2 * 60_000));
    await started;
    let closed = false;
    const closing = app.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    release();
    await tick;
    await closing;
    const storage = await openStorage(db.options);
    const [row] = await storage.deliveries.recent({ scheduleId: 1 });
    expect(row).toMatchObject({ status: 'sent', messageId: 'slow-1' });
    await storage.close();
    await db.cleanup();
  });
});

describe('npm start as a process', () => {
  it('starts with no credentials, says what is enabled, and stops cleanly on SIGTERM', async () => {
    const db = tempSqlite();
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', SQLITE_PATH: db.options.sqlitePath!, LOG_LEVEL: 'info' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up line; stderr: ${stderr}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/[^\s"]+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', () => reject(new Error(`exited early; stderr: ${stderr}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    // Hold a request open, then SIGTERM: the request still gets its answer.
    const pending = new Promise<number>((resolve, reject) => {
      const req = request(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write('{"type":"message",');
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end('"serviceUrl":"not a url","conversation":{"id":"a"}}'), 200);
      }, 100);
    });
    expect(await pending).toBe(400);
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { msg: string });
    const messages = lines.map((line) => line.msg);
    expect(messages).toContain('Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP at POST /slack/events), or SLACK_APP_TOKEN for Socket Mode. See .env.example.');
    expect(messages.some((msg) => msg.startsWith('Enabled: Teams over HTTP at POST /api/messages'))).toBe(true);
    expect(messages.some((msg) => msg.startsWith('Storage: sqlite:'))).toBe(true);
    expect(messages.at(-1)).toBe('stopped');
    await db.cleanup();
  });

  it('refuses to start on a bad variable, naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', PORT: 'abc', MANAGER_IDS: 'nobody' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(78);
    expect(stderr).toContain('- PORT: "abc" is not a TCP port: use a whole number from 0 to 65535 (default 3978).');
    expect(stderr).toContain('- MANAGER_IDS: "nobody" is not platform:userId');
  });
});
