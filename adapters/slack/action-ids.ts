/**
 * Buttons carry the core's `{ id, value }`: `action_id` is `sc:<id>:<n>` (n keeps
 * ids unique within one message, as Slack requires) and `value` is the value.
 */
import { unescapeSlack } from './escape.ts';
import { ACTION_IDS, type ActionId, type ActionPayload } from '../../src/core/types.ts';

export const ACTION_PREFIX = 'sc:';
/** Matches every button this adapter renders (for `app.action`). */
export const ACTION_PATTERN = /^sc:([a-z-]+):\d+$/;

export function toActionId(id: ActionId, index: number): string {
  return `${ACTION_PREFIX}${id}:${index}`;
}

/** The core action for a clicked button, or undefined for an id the core does not know. */
export function fromActionId(actionId: string, value: string | undefined): ActionPayload | undefined {
  const match = ACTION_PATTERN.exec(actionId);
  const id = match?.[1];
  if (!id || !(ACTION_IDS as readonly string[]).includes(id)) return undefined;
  return { id: id as ActionId, value: unescapeSlack(value ?? '') };
}
