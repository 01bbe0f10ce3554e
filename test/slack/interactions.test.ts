/** Buttons, the message shortcut and the review modal's submission. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/core/types.ts';
import { renderReply } from '../../adapters/slack/render.ts';
import { encodeTarget, reviewModal } from '../../adapters/slack/views.ts';
import { BOT_TOKEN, startHarness, type Harness } from './helpers/harness.ts';
import { createBlockAction, createMessageShortcut, createViewSubmission } from './helpers/payloads.ts';

const auth = `Bearer ${BOT_TOKEN}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
afterEach(() => h.fake.reset());

function actionInbound(channel: string, kind: InboundMessage['conversation']['kind'], action: InboundMessage['action']): InboundMessage {
  return { platform: 'slack', user: { id: 'W111' }, conversation: { id: channel, kind, teamId: 'T111' }, text: '', private: true, action: action! };
}

const inDm = { container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'D111', is_ephemeral: false }, channel: { id: 'D111', name: 'directmessage' } };

describe('buttons', () => {
  it('a quiz answer on an ephemeral message replaces the step through response_url', async () => {
    const response = await h.send(createBlockAction({ action_id: 'sc:quiz:1', value: 'real' }, { response_url: h.fake.responseUrl('a1') }));
    expect(response.status).toBe(200);
    const calls = await h.fake.settle(1);
    const [message] = renderReply(await h.core.handle(actionInbound('C111', 'channel', { id: 'quiz', value: 'real' })));
    expect(calls).toEqual([{ method: 'response_url', id: 'a1', params: { response_type: 'ephemeral', replace_original: true, ...message } }]);
  });

  it('a quiz answer in the DM updates the step in place', async () => {
    await h.send(createBlockAction({ action_id: 'sc:quiz:0', value: 'real.yes' }, inDm));
    const calls = await h.fake.settle(1);
    const [message] = renderReply(await h.core.handle(actionInbound('D111', 'direct', { id: 'quiz', value: 'real.yes' })));
    expect(calls).toEqual([{ method: 'chat.update', params: { channel: 'D111', ts: '1700000000.000100', ...message }, authorization: auth }]);
  });

  it('starting the quiz from a help message in the DM posts a new message', async () => {
    await h.send(createBlockAction({ action_id: 'sc:quiz:0' }, inDm));
    const calls = await h.fake.settle(1);
    const [message] = renderReply(await h.core.handle(actionInbound('D111', 'direct', { id: 'quiz', value: '' })));
    expect(calls).toEqual([{ method: 'chat.postMessage', params: { channel: 'D111', ...message, unfurl_links: false, unfurl_media: false }, authorization: auth }]);
  });

  it('choosing a strategy saves it, answers in the DM and refreshes App Home', async () => {
    await h.send(createBlockAction({ action_id: 'sc:set-strategy:0', value: 'audience' }, inDm));
    const calls = await h.fake.settle(2);
    expect((await h.store.getPrefs({ platform: 'slack', userId: 'W111' })).strategy).toBe('audience');
    expect(calls.map((call) => call.method)).toEqual(['chat.postMessage', 'views.publish']);
    expect(JSON.stringify(calls[1]!.params)).toContain('Your strategy: ');
  });

  it('ignoring a flagged word stores it for that person', async () => {
    const value = JSON.stringify({ category: 'profanity', ruleId: 'profanity.damn', term: 'Damn' });
    await h.send(createBlockAction({ action_id: 'sc:ignore-term:0', value }, { response_url: h.fake.responseUrl('a2') }));
    const calls = await h.fake.settle(2);
    expect((await h.store.getPrefs({ platform: 'slack', userId: 'W111' })).ignoredTerms).toContain('damn');
    const [message] = renderReply(await h.core.handle(actionInbound('C111', 'channel', { id: 'ignore-term', value })));
    expect(calls[0]).toEqual({ method: 'response_url', id: 'a2', params: { response_type: 'ephemeral', replace_original: false, ...message } });
  });

  it('reporting a false positive records the rule only (no words) and offers to share them', async () => {
    const value = JSON.stringify({ category: 'nightlife', ruleId: 'nightlife.shots', term: 'shots' });
    const before = h.store.falsePositives.length;
    await h.send(createBlockAction({ action_id: 'sc:report-false-positive:3', value }, { response_url: h.fake.responseUrl('a3') }));
    await h.fake.settle(1);
    expect(h.store.falsePositives.slice(before)).toEqual([{ platform: 'slack', category: 'nightlife', ruleId: 'nightlife.shots', at: expect.any(Date) }]);
  });

  it('a button on a message in a channel (a nudge) answers only the person who clicked', async () => {
    const inChannel = { container: { type: 'message', message_ts: '1700000000.000300', channel_id: 'C999', is_ephemeral: false }, channel: { id: 'C999', name: 'general' } };
    await h.send(createBlockAction({ action_id: 'sc:topic:0', value: 'separate-accounts' }, { ...inChannel, response_url: h.fake.responseUrl('a4') }));
    const calls = await h.fake.settle(1);
    const [message] = renderReply(await h.core.handle(actionInbound('C999', 'channel', { id: 'topic', value: 'separate-accounts' })));
    expect(calls).toEqual([{ method: 'response_url', id: 'a4', params: { response_type: 'ephemeral', replace_original: false, ...message } }]);
  });

  it('a button on App Home answers in the DM', async () => {
    const home = { container: { type: 'view', view_id: 'V456' }, channel: undefined, response_url: undefined, view: { id: 'V456', type: 'home' } };
    await h.send(createBlockAction({ action_id: 'sc:topic:2', value: 'strategies' }, home));
    const calls = await h.fake.settle(1);
    const [message] = renderReply(await h.core.handle(actionInbound('W111', 'direct', { id: 'topic', value: 'strategies' })));
    expect(calls).toEqual([{ method: 'chat.postMessage', params: { channel: 'W111', ...message, unfurl_links: false, unfurl_media: false }, authorization: auth }]);
  });

  it('"Check a draft" opens the modal with the trigger', async () => {
    await h.send(createBlockAction({ action_id: 'sc:open-review:0' }, inDm));
    const calls = await h.fake.settle(1);
    expect(calls).toEqual([{ method: 'views.open', params: { trigger_id: '111.222.valid', view: reviewModal({ channelId: 'D111' }) }, authorization: auth }]);
  });

  it('a tampered button gets the friendly error; an unknown action id is ignored', async () => {
    await h.send(createBlockAction({ action_id: 'sc:quiz:0', value: 'nope.nope' }, { response_url: h.fake.responseUrl('a5') }));
    const calls = await h.fake.settle(1);
    const reply = await h.core.handle(actionInbound('C111', 'channel', { id: 'quiz', value: 'nope.nope' }));
    expect(reply.kind).toBe('error');
    expect(calls).toEqual([{ method: 'response_url', id: 'a5', params: { response_type: 'ephemeral', replace_original: false, ...renderReply(reply)[0]! } }]);
    h.fake.reset();
    const response = await h.send(createBlockAction({ action_id: 'sc:format-disk:0', value: 'x' }, { response_url: h.fake.responseUrl('a6') }));
    expect(response.status).toBe(200);
    await sleep(150);
    expect(h.fake.visible).toEqual([]);
  });
});

describe('"Check before posting" (message shortcut)', () => {
  it('reviews the message ephemerally for the person who asked', async () => {
    const response = await h.send(
      createMessageShortcut({ response_url: h.fake.responseUrl('s1') }, { text: 'So hungover after the offsite party &amp; my boss is a joke <@U0456|ana>' }),
    );
    expect(response.status).toBe(200);
    const calls = await h.fake.settle(1);
    const inbound: InboundMessage = {
      platform: 'slack',
      user: { id: 'W111' },
      conversation: { id: 'C111', kind: 'channel', teamId: 'T111' },
      text: 'So hungover after the offsite party & my boss is a joke @ana',
      mode: 'review',
      private: true,
    };
    const messages = renderReply(await h.core.handle(inbound));
    expect(calls).toEqual(messages.map((message) => ({ method: 'response_url', id: 's1', params: { response_type: 'ephemeral', replace_original: false, ...message } })));
  });
});

describe('the review modal', () => {
  it('reviews the pasted draft for the chosen network and answers where the command was typed', async () => {
    const metadata = encodeTarget({ responseUrl: h.fake.responseUrl('v1'), channelId: 'C111' });
    const text = 'Big news: we are acquiring Globex next month, keep it quiet! <3';
    const response = await h.send(createViewSubmission({ text, platform: 'linkedin', privateMetadata: metadata }));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const calls = await h.fake.settle(1);
    const inbound: InboundMessage = {
      platform: 'slack',
      user: { id: 'W111' },
      conversation: { id: 'C111', kind: 'channel', teamId: 'T111' },
      text,
      mode: 'review',
      private: true,
      socialPlatform: 'linkedin',
    };
    const messages = renderReply(await h.core.handle(inbound));
    expect(calls).toEqual(messages.map((message) => ({ method: 'response_url', id: 'v1', params: { response_type: 'ephemeral', replace_original: false, ...message } })));
  });

  it('an empty draft keeps the modal open with an error on the field', async () => {
    const response = await h.send(createViewSubmission({ text: '   ' }));
    expect(response.json()).toEqual({ response_action: 'errors', errors: { draft: 'Paste the post you want checked.' } });
  });

  it('opened from App Home (no response_url), the review arrives in the DM', async () => {
    await h.send(createViewSubmission({ text: 'Lovely hike this weekend', privateMetadata: encodeTarget({}) }));
    const calls = await h.fake.settle(1);
    expect(calls[0]!.method).toBe('chat.postMessage');
    expect((calls[0]!.params as { channel: string }).channel).toBe('W111');
  });

  it('an expired response_url falls back to the DM', async () => {
    h.fake.script('response_url', { status: 404, body: 'expired_url' });
    const metadata = encodeTarget({ responseUrl: h.fake.responseUrl('old'), channelId: 'C111' });
    await h.send(createViewSubmission({ text: 'Lovely hike this weekend', privateMetadata: metadata }));
    const calls = await h.fake.settle(2);
    expect(calls.map((call) => call.method)).toEqual(['response_url', 'chat.postMessage']);
    expect((calls[1]!.params as { channel: string }).channel).toBe('W111');
    expect(calls[1]!.params).toMatchObject({ text: (calls[0]!.params as { text: string }).text });
  });
});
