/** Slack payload facts → the core's `InboundMessage`. Pure. */
import type { ActionPayload, ConversationKind, InboundMessage, SocialPlatform } from '../../src/core/types.ts';

/** A conversation's kind from Slack's `channel_type` (events) or the id's prefix (D: DM, C/G: channel). */
export function conversationKind(channelId: string, channelType?: string, channelName?: string): ConversationKind {
  if (channelType === 'im' || channelName === 'directmessage') return 'direct';
  if (channelType === 'mpim' || channelName?.startsWith('mpdm-')) return 'group';
  if (channelType === 'channel' || channelType === 'group') return 'channel';
  return channelId.startsWith('D') ? 'direct' : 'channel';
}

export interface InboundFacts {
  userId: string;
  teamId?: string;
  channelId: string;
  kind: ConversationKind;
  text?: string;
  mode?: InboundMessage['mode'];
  private: boolean;
  action?: ActionPayload;
  socialPlatform?: SocialPlatform;
  isAdmin?: boolean;
}

export function toInbound(facts: InboundFacts): InboundMessage {
  const message: InboundMessage = {
    platform: 'slack',
    user: facts.isAdmin === undefined ? { id: facts.userId } : { id: facts.userId, isAdmin: facts.isAdmin },
    conversation: facts.teamId ? { id: facts.channelId, kind: facts.kind, teamId: facts.teamId } : { id: facts.channelId, kind: facts.kind },
    text: facts.text ?? '',
    private: facts.private,
  };
  if (facts.mode) message.mode = facts.mode;
  if (facts.action) message.action = facts.action;
  if (facts.socialPlatform) message.socialPlatform = facts.socialPlatform;
  return message;
}
