/** Slack API trouble: rate limits, 5xx, refusals, no Web API at start-up, the nudge poster, and no text in logs. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSocialCheckError } from '../../src/core/errors.ts';
import { errorReply, makeReply } from '../../src/core/replies.ts';
import type { InboundMessage } from '../../src/core/types.ts';
import { renderReply } from '../../adapters/slack/render.ts';
import { SORRY } from '../../adapters/slack/runtime.ts';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { startHarness, type Harness } from './helpers/harness.ts';
import { memoryLogger } from '../shared/memory-logger.ts';
import { createDirectMessage, createMessageShortcut, createSlashCommand } from './helpers/payloads.ts';

const DRAFT = 'Secret: Project Falcon layoffs are planned for March, do not share';

function dmInbound(text: string): InboundMessage {
  return { platform: 'slack', user: { id: 'W222' }, conversation: { id: 'D111', kind: 'direct', teamId: 'T111' }, text, private: true };
}

describe('Web API errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());
  afterEach(() => h.fake.reset());

  it('waits out a 429 (Retry-After) and posts once it may', async () => {
    h.fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const started = Date.now();
    await h.send(createDirectMessage({ event: { text: 'help' } }));
    const calls = await h.fake.settle(2);
    expect(calls.map((call) => call.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
    expect(calls[1]!.params).toEqual(calls[0]!.params);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries a 5xx', async () => {
    h.fake.script('chat.postMessage', { status: 503, body: 'upstream unavailable' }, { status: 500, body: 'oops' });
    await h.send(createDirectMessage({ event: { text: 'help' } }));
    const calls = await h.fake.settle(3);
    expect(calls.map((call) => call.method)).toEqual(['chat.postMessage', 'chat.postMessage', 'chat.postMessage']);
    const [message] = renderReply(await h.core.handle(dmInbound('help')));
    expect(calls[2]!.params).toMatchObject({ channel: 'D111', text: message!.text });
  });

  it('retries a response_url that answers 503, then delivers once', async () => {
    h.fake.script('response_url', { status: 503, body: 'unavailable' });
    await h.send(createMessageShortcut({ response_url: h.fake.responseUrl('r1') }, { text: 'Lovely hike this weekend' }));
    const calls = await h.fake.settle(2, 400);
    expect(calls.map((call) => call.method)).toEqual(['response_url', 'response_url']);
    expect(calls[1]!.params).toEqual(calls[0]!.params);
  });

  it('a reply Slack refuses is replaced by an apology, never silence', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
    await h.send(createDirectMessage({ event: { text: DRAFT } }));
    const calls = await h.fake.settle(2);
    const [apology] = renderReply(errorReply(SORRY));
    expect(calls[1]).toEqual({
      method: 'chat.postMessage',
      params: { channel: 'D111', text: apology!.text, blocks: apology!.blocks, unfurl_links: false, unfurl_media: false },
      authorization: 'Bearer xoxb-test-token',
    });
    expect(h.logs.some((entry) => entry.level === 'warn' && JSON.stringify(entry.object).includes('invalid_blocks'))).toBe(true);
  });

  it('a failing core answers with an apology', async () => {
    const broken = await startHarness({
      wrapCore: (core) => ({
        content: core.content,
        handle: async () => {
          throw new Error(`storage exploded while reading ${DRAFT}`);
        },
      }),
    });
    try {
      const response = await broken.send(createSlashCommand({ text: DRAFT }));
      expect(response.json()).toEqual({ response_type: 'ephemeral', ...renderReply(errorReply(SORRY))[0]! });
      expect(JSON.stringify(broken.logs)).not.toContain('Falcon');
      expect(broken.logs.some((entry) => entry.level === 'error')).toBe(true);
    } finally {
      await broken.close();
    }
  });

  it('never logs the text people send', () => {
    const logged = JSON.stringify(h.logs);
    expect(logged).not.toContain('Falcon');
    expect(logged).not.toContain('layoffs');
  });
});

describe('Slack unreachable at start-up', () => {
  it('starts anyway, logs and retries auth.test, and still answers commands in the acknowledgement', async () => {
    const h = await startHarness({ apiUrl: 'http://127.0.0.1:9/api/' });
    try {
      const response = await h.send(createSlashCommand({ text: 'help' }));
      const [message] = renderReply(await h.core.handle({ platform: 'slack', user: { id: 'W111' }, conversation: { id: 'C111', kind: 'channel', teamId: 'T111' }, text: 'help', private: true }));
      expect(response.json()).toEqual({ response_type: 'ephemeral', ...message! });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const warnings = h.logs.filter((entry) => entry.message === 'Slack: the Web API is not reachable yet; retrying in the background');
      expect(warnings.length).toBeGreaterThanOrEqual(2);
    } finally {
      await h.close();
    }
  });

  it('refuses to start without a bot token, saying what is missing', async () => {
    const booted = await startHarness();
    try {
      await expect(
        createSlackAdapter({ core: booted.core, store: booted.store, logger: memoryLogger(), config: { signingSecret: '', botToken: 'nope' } }),
      ).rejects.toThrow(/SLACK_BOT_TOKEN should be a bot token starting with xoxb-; SLACK_SIGNING_SECRET is missing/);
    } finally {
      await booted.close();
    }
  });
});

describe('the nudge poster', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());
  afterEach(() => h.fake.reset());

  const nudge = makeReply('nudge', [
    { type: 'heading', text: 'Tip of the week' },
    { type: 'paragraph', text: 'Before you post about work, ask: would I say this in the lobby?' },
    { type: 'choices', choices: [{ label: 'Ask social-check more', action: { id: 'topic', value: 'speaking-for-employer' } }] },
  ]);

  it('posts the nudge as Block Kit and returns the message ts', async () => {
    const result = await h.adapter.poster.post({ platform: 'slack', channelId: 'C999' }, nudge);
    expect(result).toEqual({ messageId: '1700000000.000100' });
    const [message] = renderReply(nudge);
    expect(h.fake.visible).toEqual([
      {
        method: 'chat.postMessage',
        params: { channel: 'C999', text: message!.text, blocks: message!.blocks, unfurl_links: false, unfurl_media: false },
        authorization: 'Bearer xoxb-test-token',
      },
    ]);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('%s becomes channel_unavailable', async (error) => {
    h.fake.script('chat.postMessage', { body: { ok: false, error } });
    const failure = await h.adapter.poster.post({ platform: 'slack', channelId: 'C404' }, nudge).catch((caught: unknown) => caught);
    expect(isSocialCheckError(failure, 'channel_unavailable')).toBe(true);
  });

  it('other refusals become delivery_failed', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'msg_too_long' } });
    const failure = await h.adapter.poster.post({ platform: 'slack', channelId: 'C999' }, nudge).catch((caught: unknown) => caught);
    expect(isSocialCheckError(failure, 'delivery_failed')).toBe(true);
  });
});
