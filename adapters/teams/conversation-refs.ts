/**
 * Conversation references: what Teams needs to post proactively (a nudge to a
 * channel). Captured when the bot is installed and on each message; deleted
 * when the bot is removed. The reference itself is botbuilder's JSON, opaque to
 * the core and the store.
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationRefRecord, ConversationRefStore } from '../../src/core/ports.ts';
import { baseConversationId, channelDataOf, conversationKind } from './parse-activity.ts';

const KIND = { channel: 'channel', group: 'group', direct: 'personal' } as const;

/** The record to store for the conversation an activity came from, or undefined when it has no usable id. */
export function conversationRefRecord(activity: Partial<Activity>, now: Date): ConversationRefRecord | undefined {
  const conversationId = baseConversationId(activity);
  if (!conversationId || !activity.serviceUrl) return undefined;
  const kind = KIND[conversationKind(activity)];
  const channelData = channelDataOf(activity);
  const teamId = channelData.team?.id;
  const reference: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
  // Post into the channel itself (a new thread), not into the thread this activity was in;
  // and keep no trace of who spoke last.
  delete reference.activityId;
  delete reference.user;
  reference.conversation = { ...reference.conversation!, id: conversationId };
  let name: string | undefined;
  if (kind === 'channel') name = channelData.channel?.name ?? (conversationId === teamId ? 'General' : undefined);
  else if (kind === 'group') name = activity.conversation?.name;
  return {
    platform: 'teams',
    conversationId,
    ...(teamId ? { teamId } : {}),
    ...(name ? { name } : {}),
    kind,
    reference,
    updatedAt: now,
  };
}

export async function saveConversationRef(refs: ConversationRefStore, activity: Partial<Activity>, now: Date): Promise<ConversationRefRecord | undefined> {
  const record = conversationRefRecord(activity, now);
  if (!record) return undefined;
  // A message in a channel says nothing about its name; keep the one stored at install time.
  if (!record.name) {
    const existing = await refs.getConversationRef('teams', record.conversationId);
    if (existing?.name) record.name = existing.name;
  }
  await refs.saveConversationRef(record);
  return record;
}

/**
 * A bot installed in a team may post to any of its standard channels: each
 * channel's reference is the team's with that channel's id. Saved for every
 * channel Teams lists, so `nudge #Marketing` works right after the install.
 */
export async function saveTeamChannels(
  refs: ConversationRefStore,
  activity: Partial<Activity>,
  channels: Array<{ id?: string; name?: string }>,
  now: Date,
): Promise<number> {
  const base = conversationRefRecord(activity, now);
  if (!base?.teamId || base.kind !== 'channel') return 0;
  let saved = 0;
  for (const channel of channels) {
    if (!channel.id) continue;
    const reference = base.reference as Partial<ConversationReference>;
    const name = channel.name ?? (channel.id === base.teamId ? 'General' : undefined);
    const existing = name ? undefined : await refs.getConversationRef('teams', channel.id);
    await refs.saveConversationRef({
      ...base,
      conversationId: channel.id,
      ...(name ?? existing?.name ? { name: name ?? existing?.name } : {}),
      reference: { ...reference, conversation: { ...reference.conversation!, id: channel.id } },
    });
    saved += 1;
  }
  return saved;
}

/** The bot left: a team uninstall takes every channel of that team with it. */
export async function forgetConversation(refs: ConversationRefStore, activity: Partial<Activity>): Promise<number> {
  const conversationId = baseConversationId(activity);
  const teamId = channelDataOf(activity).team?.id;
  const ids = new Set<string>(conversationId ? [conversationId] : []);
  if (teamId) for (const record of await refs.listConversationRefs('teams', teamId)) ids.add(record.conversationId);
  for (const id of ids) await refs.deleteConversationRef('teams', id);
  return ids.size;
}

/** True when the activity's members list includes the bot itself. */
export function includesBot(members: Array<{ id?: string }> | undefined, activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId && members?.some((member) => member.id === botId));
}
