/**
 * Turns what a manager typed into a channel: Slack's links (`<#C123|general>`,
 * `<#C123>`), `here` (the current conversation), or `#name` resolved through the
 * stored Teams conversation references.
 */
import { SocialCheckError } from '../core/errors.ts';
import type { ChannelRef, ConversationRefStore } from '../core/ports.ts';
import type { InboundMessage } from '../core/types.ts';

export interface ResolvedChannel {
  ref: ChannelRef;
  /** For people: "#general" or "this conversation". */
  label: string;
  name?: string;
}

const SLACK_LINK = /^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>$/;
const SLACK_ID = /^[CG][A-Z0-9]{8,}$/;

export async function resolveChannel(input: string, message: InboundMessage, refs?: ConversationRefStore): Promise<ResolvedChannel> {
  const token = input.trim();
  const teamId = message.conversation.teamId;
  if (token.toLowerCase() === 'here') {
    if (message.conversation.kind === 'direct') {
      throw new SocialCheckError('input_invalid', '"here" is our private chat. Name a channel instead, e.g. nudge #general next.');
    }
    const ref: ChannelRef = { platform: message.platform, channelId: message.conversation.id };
    if (teamId) ref.teamId = teamId;
    // Teams: the stored reference knows the channel's name, for confirmations and "nudge list".
    const name = message.platform === 'teams' ? (await refs?.getConversationRef('teams', ref.channelId))?.name : undefined;
    return name ? { ref, label: 'this conversation', name } : { ref, label: 'this conversation' };
  }

  if (message.platform === 'slack') {
    const link = SLACK_LINK.exec(token);
    const id = link?.[1] ?? (SLACK_ID.test(token) ? token : undefined);
    if (id) {
      const name = link?.[2] || undefined;
      const ref: ChannelRef = { platform: 'slack', channelId: id };
      if (teamId) ref.teamId = teamId;
      return { ref, label: name ? `#${name}` : `channel ${id}`, ...(name ? { name } : {}) };
    }
    throw new SocialCheckError(
      'input_invalid',
      `I could not tell which channel "${token}" is. Type # and pick the channel from Slack's list so it becomes a link, or say "here" in the channel itself.`,
    );
  }

  if (message.platform === 'teams') {
    if (!token.startsWith('#') || token.length < 2) {
      throw new SocialCheckError('input_invalid', `Name the channel with # (e.g. #General, or "#Team updates" in quotes when it has spaces), or say "here" in the channel itself.`);
    }
    const wanted = token.slice(1).trim().toLowerCase();
    const known = refs ? (await refs.listConversationRefs('teams')).filter((ref) => ref.kind !== 'personal') : [];
    let matches = known.filter((ref) => ref.name?.trim().toLowerCase() === wanted);
    if (matches.length > 1 && teamId) {
      const sameTeam = matches.filter((ref) => ref.teamId === teamId);
      if (sameTeam.length > 0) matches = sameTeam;
    }
    if (matches.length === 1) {
      const match = matches[0]!;
      const ref: ChannelRef = { platform: 'teams', channelId: match.conversationId };
      if (match.teamId) ref.teamId = match.teamId;
      return { ref, label: `#${match.name}`, ...(match.name ? { name: match.name } : {}) };
    }
    if (matches.length > 1) {
      throw new SocialCheckError('input_invalid', `Several channels are called ${token}. Go to the one you mean and say "nudge here ..." there.`);
    }
    const names = [...new Set(known.map((ref) => ref.name).filter((name): name is string => Boolean(name)))].slice(0, 15);
    throw new SocialCheckError(
      'not_found',
      `I do not know a channel called ${token}. I can post only where I have been added` +
        (names.length > 0 ? `; I know: ${names.map((name) => `#${name}`).join(', ')}.` : ', and I have not been added to any channel yet.') +
        ' Add me to the team, or say "nudge here ..." in the channel.',
    );
  }
  throw new SocialCheckError('input_invalid', 'Nudges go to Slack or Teams channels.');
}
