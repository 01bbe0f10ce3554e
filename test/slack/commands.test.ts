/** `/social-check`: answers in the acknowledgement, through response_url when slow, the modal, manager commands. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core.ts';
import type { ManagerDesk } from '../../src/core/ports.ts';
import { errorReply, makeReply } from '../../src/core/replies.ts';
import type { InboundMessage } from '../../src/core/types.ts';
import { renderReply } from '../../adapters/slack/render.ts';
import { reviewModal } from '../../adapters/slack/views.ts';
import { startHarness, BOT_TOKEN, type Harness } from './helpers/harness.ts';
import { createSlashCommand } from './helpers/payloads.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the adapter must hand the core for a command typed in #random (C111) by W111. */
function commandInbound(text: string, extra: Partial<InboundMessage> = {}): InboundMessage {
  return { platform: 'slack', user: { id: 'W111' }, conversation: { id: 'C111', kind: 'channel', teamId: 'T111' }, text, private: true, ...extra };
}

describe('/social-check answered in the acknowledgement', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());
  afterEach(() => h.fake.reset());

  it('answers a question ephemerally, in the ack itself, with no Web API call', async () => {
    const text = 'should I accept a friend request from my manager on facebook?';
    const response = await h.send(createSlashCommand({ text, response_url: h.fake.responseUrl('c1') }));
    const [first] = renderReply(await h.core.handle(commandInbound(text)));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ response_type: 'ephemeral', text: first!.text, blocks: first!.blocks });
    await sleep(100);
    expect(h.fake.visible).toEqual([]);
  });

  it('/social-check help, quiz and strategy', async () => {
    for (const text of ['help', 'quiz', 'strategy']) {
      const response = await h.send(createSlashCommand({ text }));
      const [first] = renderReply(await h.core.handle(commandInbound(text)));
      expect(response.json()).toEqual({ response_type: 'ephemeral', text: first!.text, blocks: first!.blocks });
    }
  });

  it('a DM-typed command is a direct conversation', async () => {
    const response = await h.send(createSlashCommand({ text: 'quiz', channel_id: 'D0123', channel_name: 'directmessage' }));
    const expected = renderReply(await h.core.handle({ ...commandInbound('quiz'), conversation: { id: 'D0123', kind: 'direct', teamId: 'T111' } }))[0]!;
    expect(response.json()).toEqual({ response_type: 'ephemeral', ...expected });
  });

  it('turns Slack markup back into the words the person typed', async () => {
    const typed = 'review: Off to &lt;3 Lisbon with <@U0456|maria> &amp; <https://example.com/trip|our trip> tonight';
    const response = await h.send(createSlashCommand({ text: typed }));
    const words = 'review: Off to <3 Lisbon with @maria & our trip (https://example.com/trip) tonight';
    const [first] = renderReply(await h.core.handle(commandInbound(words)));
    expect(response.json()).toEqual({ response_type: 'ephemeral', text: first!.text, blocks: first!.blocks });
  });

  it('alone, opens the review modal with the trigger and remembers where to answer', async () => {
    const response = await h.send(createSlashCommand({ text: '', response_url: h.fake.responseUrl('m1') }));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const calls = await h.fake.settle(1);
    expect(calls).toEqual([
      {
        method: 'views.open',
        params: { trigger_id: '111.111.xxx', view: reviewModal({ responseUrl: h.fake.responseUrl('m1'), channelId: 'C111' }) },
        authorization: `Bearer ${BOT_TOKEN}`,
      },
    ]);
  });

  it('"review" with no draft opens the modal too (the core asks for the form)', async () => {
    await h.send(createSlashCommand({ text: 'review', response_url: h.fake.responseUrl('m2') }));
    const calls = await h.fake.settle(1);
    expect(calls.map((call) => call.method)).toEqual(['views.open']);
  });

  it('when the modal cannot open (expired trigger), says so through response_url', async () => {
    h.fake.script('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    await h.send(createSlashCommand({ text: '', response_url: h.fake.responseUrl('m3') }));
    const calls = await h.fake.settle(2);
    const [message] = renderReply(errorReply('I could not open the form. Send me the draft directly, or try /social-check again.'));
    expect(calls[1]).toEqual({ method: 'response_url', id: 'm3', params: { response_type: 'ephemeral', replace_original: false, ...message } });
  });
});

describe('/social-check when the answer takes longer than the budget', () => {
  let h: Harness;
  beforeAll(async () => {
    const slow = (core: Core): Core => ({
      content: core.content,
      handle: async (message) => {
        // Far longer than the budget, so an acknowledgement sent before the core answers stands out even on a loaded machine.
        await sleep(2_000);
        return core.handle(message);
      },
    });
    h = await startHarness({ wrapCore: slow, settings: { ackBudgetMs: 100 } });
  });
  afterAll(async () => h.close());

  it('acknowledges empty within the budget, then answers through response_url', async () => {
    const text = 'what counts as confidential information?';
    const response = await h.send(createSlashCommand({ text, response_url: h.fake.responseUrl('slow1') }));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(response.elapsedMs).toBeLessThan(1_500);
    const calls = await h.fake.settle(1);
    const [message] = renderReply(await h.core.handle(commandInbound(text)));
    expect(calls).toEqual([{ method: 'response_url', id: 'slow1', params: { response_type: 'ephemeral', replace_original: false, ...message } }]);
  });
});

describe('manager commands', () => {
  let h: Harness;
  const seen: Array<{ message: InboundMessage; command: string }> = [];
  const desk: ManagerDesk = {
    async handle(message, command) {
      seen.push({ message, command });
      if (!message.user.isAdmin) return errorReply('Only workspace admins and owners can send nudges.');
      return makeReply('manager', [{ type: 'paragraph', text: `Scheduled for ${command.split(' ')[1]}` }]);
    },
  };
  beforeAll(async () => {
    h = await startHarness({ manager: desk });
  });
  afterAll(async () => h.close());
  afterEach(() => {
    h.fake.reset();
    seen.length = 0;
  });

  it('looks the person up once (users.info, cached), passes isAdmin and keeps the channel reference', async () => {
    h.fake.script('users.info', { body: { ok: true, user: { id: 'W111', is_admin: false, is_owner: true } } });
    const response = await h.send(createSlashCommand({ text: 'nudge <#C999|general> tip-1' }));
    expect(seen).toEqual([{ message: commandInbound('nudge <#C999|general> tip-1', { user: { id: 'W111', isAdmin: true } }), command: 'nudge <#C999|general> tip-1' }]);
    // The desk's reply echoes the channel reference: rendered escaped, so it is text, not a link.
    expect(response.json()).toEqual({
      response_type: 'ephemeral',
      text: 'Scheduled for &lt;#C999|general&gt;',
      blocks: [{ type: 'section', text: { type: 'plain_text', text: 'Scheduled for &lt;#C999|general&gt;', emoji: true } }],
    });
    await h.send(createSlashCommand({ text: 'stats' }));
    expect(h.fake.visible).toEqual([{ method: 'users.info', params: { user: 'W111' }, authorization: `Bearer ${BOT_TOKEN}` }]);
    expect(seen[1]!.message.user).toEqual({ id: 'W111', isAdmin: true });
  });

  it('a person who is not an admin gets the polite refusal', async () => {
    const response = await h.send(createSlashCommand({ text: 'nudge list', user_id: 'W999' }));
    expect(seen[0]!.message.user).toEqual({ id: 'W999', isAdmin: false });
    const [message] = renderReply(errorReply('Only workspace admins and owners can send nudges.'));
    expect(response.json()).toEqual({ response_type: 'ephemeral', ...message });
  });

  it('other commands never look anyone up', async () => {
    await h.send(createSlashCommand({ text: 'help' }));
    await sleep(100);
    expect(h.fake.visible).toEqual([]);
  });
});
