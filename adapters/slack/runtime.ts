/** What every listener needs, built once by index.ts. */
import type { webApi } from '@slack/bolt';
import type { Core } from '../../src/core/create-core.ts';
import type { Logger, PrefsStore } from '../../src/core/ports.ts';
import { errorReply } from '../../src/core/replies.ts';
import type { InboundMessage, Reply } from '../../src/core/types.ts';
import type { SlackSettings } from './config.ts';
import { Deliverer, type Target } from './deliver.ts';
import { describeError } from './describe-error.ts';
import { isManagerCommand } from './parse-text.ts';
import { renderReply } from './render.ts';
import type { AdminLookup } from './user-roles.ts';

export const SORRY = 'Sorry, something went wrong on my side and I could not finish that. Please try again in a minute.';

export interface Runtime {
  core: Core;
  store: PrefsStore;
  logger: Logger;
  web: webApi.WebClient;
  deliverer: Deliverer;
  settings: SlackSettings;
  isAdmin: AdminLookup;
  botUserId(): string | undefined;
}

/** Adds `isAdmin` for manager commands (the only ones that need it). */
export async function withRole(runtime: Runtime, message: InboundMessage): Promise<InboundMessage> {
  if (message.action || !isManagerCommand(message.text)) return message;
  return { ...message, user: { ...message.user, isAdmin: await runtime.isAdmin(message.user.id) } };
}

/** The core's reply; an unexpected failure becomes a kind apology (logged without any text). */
export async function handleSafely(runtime: Runtime, message: InboundMessage, where: string): Promise<Reply> {
  try {
    return await runtime.core.handle(await withRole(runtime, message));
  } catch (error) {
    runtime.logger.error({ err: describeError(error), where }, 'Slack: the core failed on a message');
    return errorReply(SORRY);
  }
}

/**
 * Sends a reply; if Slack refuses it (an expired response_url, bad blocks), it is
 * tried at `fallback` (e.g. the person's DM), and failing that the person gets a
 * short apology instead of silence.
 */
export async function sendReply(runtime: Runtime, target: Target, reply: Reply, where: string, fallback?: Target): Promise<void> {
  const messages = renderReply(reply);
  try {
    await runtime.deliverer.send(target, messages);
  } catch (error) {
    runtime.logger.warn({ err: describeError(error), where, target: target.type }, 'Slack: could not deliver a reply');
    if (fallback) {
      try {
        await runtime.deliverer.send(fallback, messages);
        return;
      } catch (again) {
        runtime.logger.warn({ err: describeError(again), where, target: fallback.type }, 'Slack: could not deliver a reply at the fallback either');
      }
    }
    try {
      await runtime.deliverer.send(fallback ?? target, renderReply(errorReply(SORRY)));
    } catch (second) {
      runtime.logger.error({ err: describeError(second), where }, 'Slack: could not tell the person about a failed reply');
    }
  }
}
