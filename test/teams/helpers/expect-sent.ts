import type { AdaptiveCard } from '../../../adapters/teams/card-types.ts';
import type { Activity } from './activities.ts';

/** The activity botbuilder sends to the Bot Connector in reply to `incoming`, carrying one card. */
export function replyActivity(incoming: Activity, card: AdaptiveCard): Activity {
  return {
    type: 'message',
    serviceUrl: incoming.serviceUrl,
    channelId: incoming.channelId,
    from: incoming.recipient,
    conversation: incoming.conversation,
    recipient: incoming.from,
    ...(incoming.locale ? { locale: incoming.locale } : {}),
    replyToId: incoming.id,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}

/** The activity botbuilder sends to replace the card a button was pressed on (`incoming.replyToId`). */
export function updateActivity(incoming: Activity, card: AdaptiveCard): Activity {
  return { ...replyActivity(incoming, card), id: incoming.replyToId };
}

export function updatePath(incoming: Activity): string {
  return `/v3/conversations/${encodeURIComponent(incoming.conversation.id)}/activities/${encodeURIComponent(incoming.replyToId)}`;
}

/** The Bot Connector path of a reply to an activity: threads stay threads. */
export function replyPath(incoming: Activity): string {
  return `/v3/conversations/${encodeURIComponent(incoming.conversation.id)}/activities/${encodeURIComponent(incoming.id)}`;
}

/** Every text a card shows or carries, for "nothing pings or injects" checks. */
export function cardStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => cardStrings(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => cardStrings(item, out));
  return out;
}
