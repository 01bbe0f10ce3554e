/**
 * Events API: a DM to the bot (message.im), a mention in a channel
 * (app_mention, answered in a thread) and the App Home tab. Bolt acknowledges
 * events before these run; Slack's retries of an event are dropped by event id
 * (see index.ts), so a retried event never produces a second reply.
 */
import type { App } from '@slack/bolt';
import { publishHome } from './home.ts';
import { conversationKind, toInbound } from './inbound.ts';
import { fromSlackText, isManagerCommand } from './parse-text.ts';
import { handleSafely, sendReply, type Runtime } from './runtime.ts';

/** Message subtypes that are a person writing (others: edits, deletions, joins, bots). */
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

interface MessageLike {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  team?: string;
}

function slackText(text: string, dropMentionOf?: string): string {
  const options = dropMentionOf ? { dropMentionOf } : {};
  return fromSlackText(text, { ...options, keepChannelRefs: isManagerCommand(fromSlackText(text, options)) });
}

export function listenToEvents(app: App, runtime: Runtime): void {
  app.event('message', async ({ event, body }) => {
    const message = event as unknown as MessageLike;
    if (message.channel_type !== 'im' || !PERSON_SUBTYPES.has(message.subtype) || message.bot_id || !message.user) return;
    if (message.user === runtime.botUserId()) return;
    const inbound = toInbound({
      userId: message.user,
      teamId: message.team ?? (body as { team_id?: string }).team_id,
      channelId: message.channel,
      kind: 'direct',
      text: slackText(message.text ?? '', runtime.botUserId()),
      private: true,
    });
    const reply = await handleSafely(runtime, inbound, 'dm');
    if (reply.meta?.openReviewForm) {
      // A DM has no trigger to open a form with: ask for the draft right here instead.
      reply.parts = reply.parts.concat([{ type: 'choices', choices: [{ label: 'Open the draft form', action: { id: 'open-review', value: '' } }] }]);
    }
    await sendReply(runtime, { type: 'channel', channel: message.channel, ...(message.thread_ts ? { threadTs: message.thread_ts } : {}) }, reply, 'dm');
  });

  app.event('app_mention', async ({ event, body }) => {
    const mention = event as unknown as MessageLike;
    if (mention.bot_id || !mention.user) return;
    const botUserId = runtime.botUserId() ?? (body as { authorizations?: Array<{ user_id?: string }> }).authorizations?.[0]?.user_id;
    let text = mention.text ?? '';
    // Without the bot's id yet, the mention that starts the message is the bot's.
    if (!botUserId) text = text.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>\s*/, '');
    const kind = conversationKind(mention.channel, mention.channel_type);
    const inbound = toInbound({
      userId: mention.user,
      teamId: mention.team ?? (body as { team_id?: string }).team_id,
      channelId: mention.channel,
      kind,
      text: slackText(text, botUserId),
      private: kind === 'direct',
    });
    const reply = await handleSafely(runtime, inbound, 'mention');
    await sendReply(runtime, { type: 'channel', channel: mention.channel, threadTs: mention.thread_ts ?? mention.ts }, reply, 'mention');
  });

  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    await publishHome(runtime, event.user, (body as { team_id?: string }).team_id);
  });
}
