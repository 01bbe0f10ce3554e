/**
 * Activity builders on top of real captured Teams activities (../fixtures): each
 * starts from a fixture and changes only what a test needs (bolt-js style
 * `createX(overrides)`), with `serviceUrl` pointing at the local fake connector.
 */
import { readFileSync } from 'node:fs';

export type Activity = Record<string, any>;

export function fixture(name: string): Activity {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

/** Teams' bot id in the personal-chat fixture. */
export const PERSONAL_BOT_ID = '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c';
/** The channel fixture: team id == channel id (the General channel). */
export const TEAM_ID = '19:ThreadID@thread.skype';
export const CHANNEL_BOT_ID = '28:f7c72d1a-9892-42b7-8fe0-6fb6e7c85851';

let counter = 0;
function nextId(): string {
  counter += 1;
  return `17000000000${String(counter).padStart(2, '0')}`;
}

/** A 1:1 message from the docs' personal-chat example, with new text. */
export function personalMessage(serviceUrl: string, text: string | undefined, overrides: Activity = {}): Activity {
  const activity = fixture('message_personal_chat.json');
  delete activity.attachments;
  return { ...activity, id: nextId(), serviceUrl, text, ...overrides };
}

/** An Action.Submit from a card in the personal chat: a message with `value` and no text. */
export function personalSubmit(serviceUrl: string, value: unknown, overrides: Activity = {}): Activity {
  const activity = personalMessage(serviceUrl, undefined, { value, replyToId: '1485983408000', ...overrides });
  delete activity.text;
  delete activity.textFormat;
  return activity;
}

/** A channel message @mentioning the bot (botbuilder fixture, in today's format: the `<at>` tag is in `text`). */
export function channelMention(serviceUrl: string, text: string, overrides: Activity = {}): Activity {
  const activity = fixture('SampleActivityAtMention.json');
  delete activity.attachments;
  const id = nextId();
  return {
    ...activity,
    id,
    serviceUrl,
    text: `<at>TestBot</at> ${text}`,
    conversation: { isGroup: true, conversationType: 'channel', id: `${TEAM_ID};messageid=${id}` },
    ...overrides,
  };
}

export function channelSubmit(serviceUrl: string, value: unknown): Activity {
  const activity = channelMention(serviceUrl, '', { value });
  delete activity.text;
  delete activity.entities;
  return activity;
}

export function withServiceUrl(activity: Activity, serviceUrl: string): Activity {
  return { ...activity, serviceUrl };
}
