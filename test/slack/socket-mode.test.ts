/** Socket Mode (SLACK_APP_TOKEN): no HTTP route; start() connects; envelopes are answered over the socket. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCore } from '../../src/core/create-core.ts';
import type { InboundMessage } from '../../src/core/types.ts';
import type { PlatformAdapter } from '../../src/server/adapter-contract.ts';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { renderReply } from '../../adapters/slack/render.ts';
import { memoryLogger } from '../shared/memory-logger.ts';
import { FakeSlack } from './helpers/fake-slack.ts';
import { FakeSocketMode } from './helpers/fake-socket-mode.ts';
import { MemoryPrefsStore } from '../shared/memory-prefs-store.ts';

const core = bootCore({ store: new MemoryPrefsStore() });
let fake: FakeSlack;
let socket: FakeSocketMode;
let adapter: PlatformAdapter;

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  socket = new FakeSocketMode();
  await socket.start();
  fake.script('apps.connections.open', { body: { ok: true, url: socket.url } });
  adapter = await createSlackAdapter({
    core,
    store: new MemoryPrefsStore(),
    logger: memoryLogger(),
    config: { signingSecret: '', botToken: 'xoxb-socket', appToken: 'xapp-1-A111-socket', apiUrl: fake.apiUrl },
    settings: { retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 } },
  });
  await adapter.start!();
  await socket.connected();
});
afterAll(async () => {
  await adapter?.stop?.();
  await socket?.stop();
  await fake?.stop();
});

describe('Socket Mode', () => {
  it('mounts no HTTP route, describes itself, and opened the connection with the app token', () => {
    expect(adapter.routes).toEqual([]);
    expect(adapter.describe()).toBe(`Slack over Socket Mode, Web API at ${fake.apiUrl}`);
    const open = fake.calls.find((call) => call.method === 'apps.connections.open');
    expect(open?.authorization).toBe('Bearer xapp-1-A111-socket');
  });

  it('answers a slash command in the envelope acknowledgement', async () => {
    const form = new URLSearchParams(readFileSync(new URL('fixtures/payloads/slash_command.form.txt', import.meta.url), 'utf8'));
    const payload = { ...Object.fromEntries(form), command: '/social-check', text: 'help' };
    socket.sendJson({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload });
    const ack = await socket.ackFor('env-1');
    const inbound: InboundMessage = { platform: 'slack', user: { id: 'W111' }, conversation: { id: 'C111', kind: 'channel', teamId: 'T111' }, text: 'help', private: true };
    const [message] = renderReply(await core.handle(inbound));
    expect(ack).toEqual({ envelope_id: 'env-1', payload: { response_type: 'ephemeral', ...message! } });
  });

  it('acknowledges a DM event and answers it through the Web API', async () => {
    const body = JSON.parse(readFileSync(new URL('fixtures/payloads/events_message_im_assistant_thread.json', import.meta.url), 'utf8')) as {
      event: Record<string, unknown>;
    };
    delete body.event.thread_ts;
    body.event.text = 'quiz';
    socket.sendJson({ envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: { ...body, event_id: 'EvSocket1' } });
    expect(await socket.ackFor('env-2')).toEqual({ envelope_id: 'env-2', payload: {} });
    const calls = await fake.waitFor((all) => all.some((call) => call.method === 'chat.postMessage'));
    const inbound: InboundMessage = { platform: 'slack', user: { id: 'W222' }, conversation: { id: 'D111', kind: 'direct', teamId: 'T111' }, text: 'quiz', private: true };
    const [message] = renderReply(await core.handle(inbound));
    expect(calls.find((call) => call.method === 'chat.postMessage')!.params).toEqual({ channel: 'D111', ...message!, unfurl_links: false, unfurl_media: false });
  });
});
