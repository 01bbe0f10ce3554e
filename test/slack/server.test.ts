/**
 * The Slack path through the real server (adapters/app.ts startApp): real config
 * from the environment, storage, the core with the manager desk, the HTTP router.
 * Only Slack itself is faked. Includes a manager's nudge, end to end.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../adapters/app.ts';
import { createLogger, memoryDestination } from '../../src/server/logger.ts';
import { renderReply } from '../../adapters/slack/render.ts';
import { FakeSlack } from './helpers/fake-slack.ts';
import { createDirectMessage, createSlashCommand } from './helpers/payloads.ts';
import { send, type SlackRequest } from './helpers/signed-request.ts';

const SECRET = '8f14e45fceea167a5a36dedd4bea2543';
let fake: FakeSlack;
let app: RunningApp;
let dir: string;
const logs = memoryDestination();

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  dir = mkdtempSync(join(tmpdir(), 'social-check-slack-'));
  app = await startApp({
    env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-server-test', SLACK_API_URL: fake.apiUrl, SQLITE_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'debug' },
    port: 0,
    startScheduler: false,
    logger: createLogger({ level: 'debug', destination: logs }),
  });
});
afterAll(async () => {
  await app?.close();
  await fake?.stop();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => fake.reset());

function hmac(timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Signed with this server's secret (SLACK_SIGNING_SECRET above). */
async function sendSigned(request: SlackRequest, headers: Record<string, string> = {}) {
  const timestamp = Math.floor(Date.now() / 1000);
  return send(app.url, request, { timestamp, signature: hmac(timestamp, request.body), headers });
}

describe('through startApp', () => {
  it('mounts POST /slack/events and verifies signatures with the configured secret', async () => {
    const response = await send(app.url, createSlashCommand({ text: 'help' }));
    expect(response.status).toBe(401); // signed with the tests' default secret, not this server's
    const ok = await sendSigned(createSlashCommand({ text: 'help' }));
    expect(ok.status).toBe(200);
    const [message] = renderReply(await app.core.handle({ platform: 'slack', user: { id: 'W111' }, conversation: { id: 'C111', kind: 'channel', teamId: 'T111' }, text: 'help', private: true }));
    expect(ok.json()).toEqual({ response_type: 'ephemeral', ...message! });
  });
});

describe('a DM and a manager nudge, end to end', () => {
  it('answers a DM through the Web API and stores nothing of the draft', async () => {
    const draft = 'So hungover after the Falcon launch party, my boss is an idiot #mondays';
    await sendSigned(createDirectMessage({ event: { text: draft } }));
    const calls = await fake.settle(1);
    expect(calls.map((call) => call.method)).toEqual(['chat.postMessage']);
    expect(logs.text()).not.toContain('hungover');
    expect(logs.text()).not.toContain('Falcon');
  });

  it('an admin sends a tip to a channel: the nudge arrives as Block Kit with a button to ask more', async () => {
    fake.script('users.info', { body: { ok: true, user: { id: 'W111', is_admin: true } } });
    const response = await sendSigned(createSlashCommand({ text: 'nudge <#C0NUDGE|general> know-your-strategy', response_url: fake.responseUrl('n1') }));
    expect(response.status).toBe(200);
    const calls = await fake.waitFor((all) => all.some((call) => call.method === 'chat.postMessage'));
    const nudge = calls.find((call) => call.method === 'chat.postMessage')!;
    expect(nudge.params).toMatchObject({ channel: 'C0NUDGE' });
    const blocks = JSON.stringify(nudge.params.blocks);
    expect(blocks).toContain('Pick a boundary strategy on purpose');
    expect(blocks).toMatch(/"action_id":"sc:topic:\d+","text":\{"type":"plain_text","text":"[^"]+","emoji":true\},"value":"strategies"/);
    const ack = JSON.stringify(response.text ? response.json() : (await fake.waitFor((all) => all.some((call) => call.method === 'response_url'))).find((call) => call.method === 'response_url'));
    expect(ack).toContain('Sent the tip');
  });

  it('someone who is not an admin gets the polite refusal and nothing is posted', async () => {
    const response = await sendSigned(createSlashCommand({ text: 'nudge <#C0NUDGE|general> next', user_id: 'W999' }));
    expect(JSON.stringify(response.json())).toContain('only managers can send nudges');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fake.visible.map((call) => call.method)).toEqual(['users.info']);
  });

  it('a channel the bot is not in gets the invite hint', async () => {
    fake.script('users.info', { body: { ok: true, user: { id: 'W112', is_owner: true } } });
    fake.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const response = await sendSigned(createSlashCommand({ text: 'nudge <#C0GONE|random> next', user_id: 'W112' }));
    const text = response.text ? JSON.stringify(response.json()) : JSON.stringify(await fake.waitFor((all) => all.some((call) => call.method === 'response_url')));
    expect(text).toContain('/invite @social-check');
  });
});

