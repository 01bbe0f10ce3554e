/**
 * Bot Framework activity → the core's `InboundMessage`. Pure: the bot calls it
 * after botbuilder has stripped the bot's own mention.
 */
import type { Activity } from 'botbuilder';
import { ACTION_IDS, type ActionId, type ConversationKind, type InboundMessage } from '../../src/core/types.ts';
import { decodeEntities } from './html-to-text.ts';
import { mapMentions } from './mentions.ts';

/** Submit data longer than this is not ours (a draft is at most 63,206 characters). */
const MAX_ACTION_VALUE = 70_000;

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
  tenant?: { id?: string };
  eventType?: string;
}

export function channelDataOf(activity: Partial<Activity>): TeamsChannelData {
  const data = activity.channelData as unknown;
  return data && typeof data === 'object' ? (data as TeamsChannelData) : {};
}

/** Teams' three scopes as the core's conversation kinds. */
export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'personal') return 'direct';
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'group';
  if (channelDataOf(activity).team?.id) return 'channel';
  return activity.conversation?.isGroup ? 'group' : 'direct';
}

/** A channel's own id: a thread's conversation id carries `;messageid=…`. */
export function baseConversationId(activity: Partial<Activity>): string {
  const channelId = channelDataOf(activity).channel?.id;
  if (channelId && conversationKind(activity) === 'channel') return channelId;
  return (activity.conversation?.id ?? '').split(';')[0] ?? '';
}

/** The person: the Entra (AAD) object id when Teams gives it (stable across bots), else the Teams user id. */
export function userIdOf(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId ?? activity.from?.id ?? '';
}

/** `{ sc, v }` from an Action.Submit, or undefined when the value is not one of our buttons. */
export function submittedAction(value: unknown): { id: ActionId; value: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { sc, v } = value as { sc?: unknown; v?: unknown };
  if (typeof sc !== 'string' || !(ACTION_IDS as readonly string[]).includes(sc)) return undefined;
  if (v !== undefined && typeof v !== 'string') return undefined;
  if (typeof v === 'string' && v.length > MAX_ACTION_VALUE) return undefined;
  return { id: sc as ActionId, value: v ?? '' };
}

/**
 * Other people's `<at>Name</at>` tags keep the name; character references are
 * decoded; the no-break spaces Teams puts around mentions become plain spaces.
 */
export function cleanMessageText(text: string): string {
  return decodeEntities(mapMentions(text, (name) => name))
    .replace(/\u00a0/g, ' ')
    .trim();
}

/**
 * `text` must already have the bot's mention removed (TurnContext.removeRecipientMention).
 */
export function toInboundMessage(activity: Partial<Activity>, text: string): InboundMessage {
  const kind = conversationKind(activity);
  const teamId = channelDataOf(activity).team?.id;
  const message: InboundMessage = {
    platform: 'teams',
    user: { id: userIdOf(activity), ...(activity.from?.name ? { name: activity.from.name } : {}) },
    conversation: { id: baseConversationId(activity), kind, ...(teamId ? { teamId } : {}) },
    text: cleanMessageText(text),
    private: kind === 'direct',
  };
  const action = submittedAction(activity.value);
  if (action) message.action = action;
  return message;
}
