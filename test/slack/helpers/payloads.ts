/**
 * Fixture builders `createX(overrides)` for Slack's requests, starting from the
 * real payloads in fixtures/payloads (bolt-python's test bodies, see PROVENANCE.md) and
 * changing only what a test needs.
 */
import { readFileSync } from 'node:fs';
import type { SlackRequest } from './signed-request.ts';

const DIR = new URL('../fixtures/payloads/', import.meta.url);

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as T;
}

type Json = Record<string, unknown>;

let eventCounter = 0;
/** A fresh event id per call, as Slack gives every event. */
export function nextEventId(): string {
  eventCounter += 1;
  return `Ev${String(eventCounter).padStart(8, '0')}`;
}

function json(body: unknown): SlackRequest {
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

function interactive(payload: unknown): SlackRequest {
  return { body: `payload=${encodeURIComponent(JSON.stringify(payload))}`, contentType: 'application/x-www-form-urlencoded' };
}

/** `/social-check` as Slack posts it (form-encoded); defaults from slash_command.form.txt. */
export function createSlashCommand(overrides: Record<string, string> = {}): SlackRequest {
  const base = new URLSearchParams(readFileSync(new URL('slash_command.form.txt', DIR), 'utf8'));
  base.set('command', '/social-check');
  base.set('text', '');
  for (const [key, value] of Object.entries(overrides)) base.set(key, value);
  return { body: base.toString(), contentType: 'application/x-www-form-urlencoded' };
}

export interface EventOverrides {
  event?: Json;
  eventId?: string;
}

function eventCallback(file: string, overrides: EventOverrides): Json {
  const body = load<Json>(file);
  return { ...body, event_id: overrides.eventId ?? nextEventId(), event: { ...(body.event as Json), ...overrides.event } };
}

/** A person's DM to the bot (message.im), from events_message_im_assistant_thread.json without its thread. */
export function createDirectMessage(overrides: EventOverrides = {}): SlackRequest {
  const body = eventCallback('events_message_im_assistant_thread.json', overrides);
  const event = body.event as Json;
  if (!overrides.event || !('thread_ts' in overrides.event)) {
    delete event.thread_ts;
    delete event.parent_user_id;
  }
  return json(body);
}

export function createMessageEvent(file: 'events_message_bot_message.json' | 'events_message_changed.json', overrides: EventOverrides = {}): SlackRequest {
  return json(eventCallback(file, overrides));
}

export function createAppMention(overrides: EventOverrides = {}): SlackRequest {
  return json(eventCallback('events_app_mention.json', overrides));
}

export function createAppHomeOpened(overrides: EventOverrides = {}): SlackRequest {
  return json(eventCallback('events_app_home_opened.json', { ...overrides, event: { tab: 'home', ...overrides.event } }));
}

export function createUrlVerification(): SlackRequest {
  return json(load('events_url_verification.json'));
}

/** A button click (block_actions); `container`/`channel` say where the button was. */
export function createBlockAction(action: { action_id: string; value?: string }, overrides: Json = {}): SlackRequest {
  const body = load<Json>('interactivity_block_actions.json');
  const template = (body.actions as Json[])[0]!;
  const clicked: Json = { ...template, action_id: action.action_id, block_id: 'b1' };
  if (action.value === undefined) delete clicked.value;
  else clicked.value = action.value;
  return interactive({ ...body, actions: [clicked], ...overrides });
}

export function createMessageShortcut(overrides: Json = {}, message: Json = {}): SlackRequest {
  const body = load<Json>('interactivity_shortcut_message.json');
  return interactive({ ...body, callback_id: 'check_before_posting', message: { ...(body.message as Json), ...message }, ...overrides });
}

/** The review modal submitted, with the draft and an optional network. */
export function createViewSubmission(input: { text: string; platform?: string; privateMetadata?: string }, overrides: Json = {}): SlackRequest {
  const body = load<Json>('interactivity_view_submission.json');
  const view = body.view as Json;
  return interactive({
    ...body,
    view: {
      ...view,
      callback_id: 'social_check_review',
      private_metadata: input.privateMetadata ?? '',
      state: {
        values: {
          draft: { text: { type: 'plain_text_input', value: input.text } },
          platform: { platform: { type: 'static_select', selected_option: input.platform ? { text: { type: 'plain_text', text: input.platform }, value: input.platform } : null } },
        },
      },
    },
    ...overrides,
  });
}
