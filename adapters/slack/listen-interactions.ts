/**
 * Buttons (block_actions) and the "Check before posting" message shortcut.
 * Both are acknowledged at once; the reply follows where the person is:
 * - a button on an ephemeral message, or on a message in a channel: an ephemeral
 *   reply through response_url (quiz steps replace the step they answer);
 * - a button on a message in the DM: a new message there (quiz steps update in place);
 * - a button on the App Home tab: a message in the DM.
 * Choosing a strategy or ignoring a word refreshes the App Home tab.
 */
import type { App, BlockAction, ButtonAction, MessageShortcut } from '@slack/bolt';
import type { ActionPayload, ConversationKind, Reply } from '../../src/core/types.ts';
import { fromActionId, ACTION_PATTERN } from './action-ids.ts';
import type { Target } from './deliver.ts';
import { publishHome } from './home.ts';
import { conversationKind, toInbound } from './inbound.ts';
import { openReviewModal } from './modal.ts';
import { fromSlackText } from './parse-text.ts';
import { handleSafely, sendReply, type Runtime } from './runtime.ts';
import type { ReviewTarget } from './views.ts';

export const SHORTCUT_ID = 'check_before_posting';

interface Container {
  type?: string;
  message_ts?: string;
  channel_id?: string;
  is_ephemeral?: boolean;
  thread_ts?: string;
}

interface Where {
  target: Target;
  /** Where the modal's review goes when this button opens it. */
  review: ReviewTarget;
  channelId: string;
  kind: ConversationKind;
}

/** A quiz answer (not a fresh start) replaces the step it answers. */
function isQuizAnswer(action: ActionPayload, reply: Reply): boolean {
  return action.id === 'quiz' && action.value !== '' && (reply.kind === 'quiz-step' || reply.kind === 'quiz-result');
}

function whereFor(body: BlockAction, replace: boolean): Where {
  const container = (body.container ?? {}) as Container;
  const userId = body.user.id;
  const channelId = container.channel_id ?? body.channel?.id;
  if (container.type === 'view' || !channelId) {
    return { target: { type: 'channel', channel: userId }, review: {}, channelId: userId, kind: 'direct' };
  }
  if (!container.is_ephemeral && conversationKind(channelId) === 'direct') {
    const target: Target =
      replace && container.message_ts
        ? { type: 'update', channel: channelId, ts: container.message_ts }
        : { type: 'channel', channel: channelId, ...(container.thread_ts ? { threadTs: container.thread_ts } : {}) };
    return { target, review: { channelId }, channelId, kind: 'direct' };
  }
  const url = body.response_url;
  const kind = conversationKind(channelId);
  if (!url) return { target: { type: 'channel', channel: userId }, review: {}, channelId, kind };
  return { target: { type: 'response_url', url, replace: replace && container.is_ephemeral === true }, review: { responseUrl: url }, channelId, kind };
}

export function listenToInteractions(app: App, runtime: Runtime): void {
  app.action<BlockAction<ButtonAction>>(ACTION_PATTERN, async ({ ack, body, action }) => {
    await ack();
    const payload = fromActionId(action.action_id, action.value);
    if (!payload) return;
    if (payload.id === 'open-review') {
      const where = whereFor(body, false);
      await openReviewModal(runtime, body.trigger_id, where.review, where.target);
      return;
    }
    const preview = whereFor(body, false);
    const inbound = toInbound({
      userId: body.user.id,
      teamId: body.team?.id ?? body.user.team_id,
      channelId: preview.channelId,
      kind: preview.kind,
      action: payload,
      private: true,
    });
    const reply = await handleSafely(runtime, inbound, 'action');
    const where = whereFor(body, isQuizAnswer(payload, reply));
    await sendReply(runtime, where.target, reply, 'action', { type: 'channel', channel: body.user.id });
    if (payload.id === 'set-strategy' || payload.id === 'ignore-term') {
      await publishHome(runtime, body.user.id, body.team?.id);
    }
  });

  app.shortcut<MessageShortcut>({ callback_id: SHORTCUT_ID, type: 'message_action' }, async ({ ack, shortcut }) => {
    await ack();
    const inbound = toInbound({
      userId: shortcut.user.id,
      teamId: shortcut.team?.id,
      channelId: shortcut.channel.id,
      kind: conversationKind(shortcut.channel.id),
      text: fromSlackText(shortcut.message.text ?? ''),
      mode: 'review',
      private: true,
    });
    const reply = await handleSafely(runtime, inbound, 'shortcut');
    await sendReply(runtime, { type: 'response_url', url: shortcut.response_url }, reply, 'shortcut', { type: 'channel', channel: shortcut.user.id });
  });
}
