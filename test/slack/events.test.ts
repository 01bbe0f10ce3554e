/** Events API: DMs, mentions, App Home, and Slack's retries. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/core/types.ts';
import { renderReply } from '../../adapters/slack/render.ts';
import { homeView } from '../../adapters/slack/views.ts';
import { openStorage } from '../../src/storage/storage.ts';
import { tempSqlite } from '../storage/databases.ts';
import { BOT_TOKEN, startHarness, type Harness } from './helpers/harness.ts';
import { createAppHomeOpened, createAppMention, createDirectMessage, createMessageEvent, nextEventId } from './helpers/payloads.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const auth = `Bearer ${BOT_TOKEN}`;

function dmInbound(text: string): InboundMessage {
  return { platform: 'slack', user: { id: 'W222' }, conversation: { id: 'D111', kind: 'direct', teamId: 'T111' }, text, private: true };
}

function posted(channel: string, message: { text: string; blocks: unknown[] }, threadTs?: string) {
  return {
    method: 'chat.postMessage',
    params: { channel, ...(threadTs ? { thread_ts: threadTs } : {}), text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false },
    authorization: auth,
  };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.fake.waitFor(() => h.fake.calls.some((call) => call.method === 'auth.test'));
});
afterAll(async () => h.close());
afterEach(() => h.fake.reset());

describe('a DM to the bot', () => {
  it('answers a question in the DM', async () => {
    const text = 'should I accept a friend request from my manager on facebook?';
    const response = await h.send(createDirectMessage({ event: { text } }));
    expect(response.status).toBe(200);
    const calls = await h.fake.settle(1);
    const messages = renderReply(await h.core.handle(dmInbound(text)));
    expect(calls).toEqual(messages.map((message) => posted('D111', message)));
  });

  it('reviews a draft in the DM', async () => {
    const text = 'Finally done with this awful quarter, my boss is clueless 🙄 #fridayfeeling';
    await h.send(createDirectMessage({ event: { text } }));
    const calls = await h.fake.settle(1);
    const reply = await h.core.handle(dmInbound(text));
    expect(calls).toEqual(renderReply(reply).map((message) => posted('D111', message)));
  });

  it('reads "@social-check help" in a DM as help', async () => {
    await h.send(createDirectMessage({ event: { text: '<@UBOT> help' } }));
    const calls = await h.fake.settle(1);
    expect(calls).toEqual(renderReply(await h.core.handle(dmInbound('help'))).map((message) => posted('D111', message)));
  });

  it('answers in the thread when the DM is in a thread', async () => {
    await h.send(createDirectMessage({ event: { text: 'help', thread_ts: '1726133698.626339' } }));
    const calls = await h.fake.settle(1);
    expect(calls).toEqual(renderReply(await h.core.handle(dmInbound('help'))).map((message) => posted('D111', message, '1726133698.626339')));
  });

  it('replies once to an event Slack retries (X-Slack-Retry-Num), and acks the retry at once', async () => {
    const eventId = nextEventId();
    const request = createDirectMessage({ eventId, event: { text: 'quiz' } });
    await h.send(request);
    const retry = await h.send(request, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    const again = await h.send(request, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    expect([retry.status, again.status]).toEqual([200, 200]);
    const calls = await h.fake.settle(1, 300);
    expect(calls.map((call) => call.method)).toEqual(['chat.postMessage']);
    expect(h.logs.filter((entry) => entry.message === 'Slack: dropped a repeated event')).toHaveLength(2);
  });

  it('replies once when the retry reaches another replica (the ledger in storage is shared)', async () => {
    const database = tempSqlite();
    const storage = await openStorage(database.options);
    const [first, second] = [await startHarness({ events: storage.events }), await startHarness({ events: storage.events })];
    try {
      await Promise.all([first, second].map((replica) => replica.fake.waitFor(() => replica.fake.calls.some((call) => call.method === 'auth.test'))));
      first.fake.reset();
      second.fake.reset();
      const request = createDirectMessage({ eventId: nextEventId(), event: { text: 'quiz' } });
      expect((await first.send(request)).status).toBe(200);
      expect((await second.send(request, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
      expect((await first.fake.settle(1, 300)).map((call) => call.method)).toEqual(['chat.postMessage']);
      expect(await second.fake.settle(0, 300)).toEqual([]);
      expect(second.logs.filter((entry) => entry.message === 'Slack: dropped a repeated event')).toHaveLength(1);
    } finally {
      await first.close();
      await second.close();
      await storage.close();
      await database.cleanup();
    }
  });

  it('still answers when the shared ledger cannot be reached (a rare second answer beats none)', async () => {
    const replica = await startHarness({ events: { claim: () => Promise.reject(new Error('database is down')) } });
    try {
      await replica.fake.waitFor(() => replica.fake.calls.some((call) => call.method === 'auth.test'));
      replica.fake.reset();
      await replica.send(createDirectMessage({ eventId: nextEventId(), event: { text: 'quiz' } }));
      expect((await replica.fake.settle(1, 300)).map((call) => call.method)).toEqual(['chat.postMessage']);
      expect(replica.logs.some((entry) => entry.message === 'Slack: could not check the shared event ledger; handling the event')).toBe(true);
    } finally {
      await replica.close();
    }
  });

  it("ignores bots (its own echo included), edits and other subtypes", async () => {
    await h.send(createMessageEvent('events_message_bot_message.json', { event: { channel_type: 'im', channel: 'D111' } }));
    await h.send(createMessageEvent('events_message_changed.json', { event: { channel_type: 'im', channel: 'D111' } }));
    await h.send(createDirectMessage({ event: { text: 'my own reply', user: 'UBOT', bot_id: 'BBOT' } }));
    await h.send(createDirectMessage({ event: { text: 'joined', subtype: 'channel_join' } }));
    await sleep(200);
    expect(h.fake.visible).toEqual([]);
  });

  it('does not answer channel messages it merely sees', async () => {
    await h.send(createDirectMessage({ event: { text: 'help', channel: 'C111', channel_type: 'channel' } }));
    await sleep(150);
    expect(h.fake.visible).toEqual([]);
  });
});

describe('a mention in a channel', () => {
  it('answers a question in a thread under the mention', async () => {
    const question = 'should I accept a friend request from my manager on facebook?';
    await h.send(createAppMention({ event: { text: `<@UBOT> ${question}` } }));
    const calls = await h.fake.settle(1);
    const inbound: InboundMessage = { platform: 'slack', user: { id: 'W222' }, conversation: { id: 'C111', kind: 'channel', teamId: 'T111' }, text: question, private: false };
    expect(calls).toEqual(renderReply(await h.core.handle(inbound)).map((message) => posted('C111', message, '1595926230.009600')));
  });

  it('answers in the existing thread when mentioned inside one', async () => {
    await h.send(createAppMention({ event: { text: '<@UBOT> help', thread_ts: '1595926000.000100' } }));
    const calls = await h.fake.settle(1);
    expect((calls[0]!.params as { thread_ts: string }).thread_ts).toBe('1595926000.000100');
  });

  it('gives a draft pasted in a channel the gentle note, not a public review', async () => {
    const draft = 'Wasted again last night lol 🍺🍺 #fridayfeeling';
    await h.send(createAppMention({ event: { text: `<@UBOT> ${draft}` } }));
    const calls = await h.fake.settle(1);
    const inbound: InboundMessage = { platform: 'slack', user: { id: 'W222' }, conversation: { id: 'C111', kind: 'channel', teamId: 'T111' }, text: draft, private: false };
    const reply = await h.core.handle(inbound);
    expect(reply.meta?.draftInPublic).toBe(true);
    expect(calls).toEqual(renderReply(reply).map((message) => posted('C111', message, '1595926230.009600')));
  });
});

describe('App Home', () => {
  it('publishes the strategy (or the quiz), what the bot can do and the latest tips', async () => {
    await h.store.setStrategy({ platform: 'slack', userId: 'W777' }, 'custom');
    await h.store.addIgnoredTerm({ platform: 'slack', userId: 'W777' }, 'Crushing');
    await h.send(createAppHomeOpened({ event: { user: 'W777', channel: 'D777' } }));
    const calls = await h.fake.settle(1);
    const base: InboundMessage = { platform: 'slack', user: { id: 'W777' }, conversation: { id: 'W777', kind: 'direct', teamId: 'T111' }, text: '', private: true };
    const view = homeView({
      strategy: await h.core.handle({ ...base, text: 'strategy' }),
      help: await h.core.handle({ ...base, text: 'help' }),
      ignoredTerms: ['crushing'],
      content: h.core.content,
    });
    expect(calls).toEqual([{ method: 'views.publish', params: { user_id: 'W777', view }, authorization: auth }]);
    const blocks = JSON.stringify(view.blocks);
    expect(blocks).toContain('Your strategy: ');
    expect(blocks).toContain('sc:open-review:');
  });

  it('offers the quiz to someone without a strategy', async () => {
    await h.send(createAppHomeOpened({ event: { user: 'W888', channel: 'D888' } }));
    const [call] = await h.fake.settle(1);
    expect(JSON.stringify(call!.params)).toContain('You have not picked a strategy yet');
  });

  it('ignores the Messages tab', async () => {
    await h.send(createAppHomeOpened({ event: { user: 'W777', tab: 'messages' } }));
    await sleep(150);
    expect(h.fake.visible).toEqual([]);
  });
});
