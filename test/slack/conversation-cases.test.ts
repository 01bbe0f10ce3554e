/**
 * The shared conversation suite (test/shared/conversation-cases.ts) through the
 * Slack path: a signed DM event (or a mention in a channel, or a button click in
 * the DM) into the real receiver; the message sent to the (fake) Web API must be
 * exactly our rendering of the core's reply for that input.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/core/types.ts';
import { renderReply } from '../../adapters/slack/render.ts';
import { conversationCases, FORBIDDEN_IN_OUTPUT, inboundFor, type ConversationCase } from '../shared/conversation-cases.ts';
import { startHarness, type Harness } from './helpers/harness.ts';
import { createAppMention, createBlockAction, createDirectMessage } from './helpers/payloads.ts';

/**
 * What the person's text becomes after Slack's markup is read (see parse-text.ts):
 * the core sees the words a person sees, not Slack's angle-bracket syntax.
 */
const SLACK_READING: Record<string, string> = {
  'review: <!channel> <!here> <@U123> check *this* out <https://evil.example|click> &amp; my boss sucks':
    'review: @channel @here @U123 check *this* out click (https://evil.example) & my boss sucks',
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.fake.waitFor(() => h.fake.calls.some((call) => call.method === 'auth.test'));
});
afterAll(async () => h.close());
afterEach(() => h.fake.reset());

/** The inbound message the Slack path must produce for a case (buttons are clicked by W111 in the DM D111). */
function expected(testCase: ConversationCase): InboundMessage {
  if (testCase.action) {
    const inbound = inboundFor(testCase, 'slack', { user: 'W111', conversation: 'D111' });
    return { ...inbound, conversation: { ...inbound.conversation, teamId: 'T111' } };
  }
  const inbound = inboundFor(testCase, 'slack', { user: 'W222', conversation: testCase.where === 'channel' ? 'C111' : 'D111' });
  return { ...inbound, conversation: { ...inbound.conversation, teamId: 'T111' }, text: SLACK_READING[inbound.text] ?? inbound.text };
}

describe.each(conversationCases)('shared case: $name', (testCase) => {
  it('sends exactly the rendering of the core reply, with no pings or injection', async () => {
    if (testCase.action) {
      const container = { container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'D111', is_ephemeral: false }, channel: { id: 'D111' } };
      await h.send(createBlockAction({ action_id: `sc:${testCase.action.id}:0`, ...(testCase.action.value ? { value: testCase.action.value } : {}) }, container));
    } else if (testCase.where === 'channel') {
      await h.send(createAppMention({ event: { text: `<@UBOT> ${testCase.text}` } }));
    } else {
      await h.send(createDirectMessage({ event: { text: testCase.text } }));
    }
    const reply = await h.core.handle(expected(testCase));
    const messages = renderReply(reply);
    const calls = await h.fake.settle(messages.length);
    expect(calls.map((call) => ({ text: call.params.text, blocks: call.params.blocks }))).toEqual(messages);

    expect(reply.kind).toBe(testCase.expect.kind);
    if (testCase.expect.topic) expect(reply.meta?.topic).toBe(testCase.expect.topic);
    if (testCase.expect.verdict) expect(reply.meta?.review?.verdict).toBe(testCase.expect.verdict);
    for (const category of testCase.expect.categories ?? []) {
      expect(reply.meta?.review?.flags.map((flag) => flag.category)).toContain(category);
    }
    const sent = JSON.stringify(calls);
    for (const forbidden of FORBIDDEN_IN_OUTPUT) expect(sent).not.toContain(forbidden);
  });
});
