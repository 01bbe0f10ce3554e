/**
 * Sending rendered messages to where the person will see them: a response_url
 * (ephemeral, where they asked), a conversation (a DM, a thread), or in place of
 * the message whose button they pressed.
 */
import type { webApi } from '@slack/bolt';
import { SocialCheckError } from '../../src/core/errors.ts';
import type { SlackMessage } from './block-types.ts';
import { LIMITS } from './limits.ts';

export type Target =
  /** Ephemeral, through the response_url of a command, shortcut or button. `replace` replaces the message it came from. */
  | { type: 'response_url'; url: string; replace?: boolean }
  /** A new message in a conversation (a user id means their DM with the bot), in a thread when `threadTs` is set. */
  | { type: 'channel'; channel: string; threadTs?: string }
  /** Replaces a message the bot posted (quiz steps in a DM), then posts the rest. */
  | { type: 'update'; channel: string; ts: string };

export type Fetch = typeof globalThis.fetch;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts to a response_url. Slack answers 200 `ok`, or 404 `expired_url` /
 * `used_url` (final). A 429 or 5xx or a network error (a post that takes over
 * `timeoutMs` included) is retried (twice, after Retry-After when given, else a
 * short backoff), like the Web API client does.
 */
export async function postToResponseUrl(fetchFn: Fetch, url: string, body: object, retries = 2, backoffMs = 250, timeoutMs = 10_000): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    let status = 0;
    let wait = backoffMs * 2 ** attempt;
    try {
      const response = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) return;
      status = response.status;
      const detail = (await response.text().catch(() => '')).slice(0, 80);
      const retryAfter = Number(response.headers.get('retry-after'));
      if (Number.isFinite(retryAfter) && retryAfter > 0) wait = Math.min(retryAfter * 1000, 30_000);
      if ((status !== 429 && status < 500) || attempt >= retries) {
        throw new SocialCheckError('delivery_failed', `response_url answered ${status} ${detail}`.trim());
      }
    } catch (error) {
      if (error instanceof SocialCheckError || attempt >= retries) {
        throw error instanceof SocialCheckError ? error : new SocialCheckError('delivery_failed', 'response_url could not be reached', { cause: error });
      }
    }
    await sleep(wait);
  }
}

export class Deliverer {
  constructor(
    private readonly web: webApi.WebClient,
    private readonly fetchFn: Fetch = globalThis.fetch,
  ) {}

  /** Sends every message; returns the ts of the first one when Slack gives it. */
  async send(target: Target, messages: SlackMessage[]): Promise<string | undefined> {
    let first: string | undefined;
    for (const [index, message] of messages.entries()) {
      const ts = await this.sendOne(target, message, index);
      first ??= ts;
    }
    return first;
  }

  private async sendOne(target: Target, message: SlackMessage, index: number): Promise<string | undefined> {
    switch (target.type) {
      case 'response_url': {
        if (index >= LIMITS.responseUrlUses) return undefined;
        await postToResponseUrl(this.fetchFn, target.url, {
          response_type: 'ephemeral',
          replace_original: index === 0 && target.replace === true,
          text: message.text,
          blocks: message.blocks,
        });
        return undefined;
      }
      case 'channel': {
        const result = await this.web.chat.postMessage({
          channel: target.channel,
          ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        return result.ts;
      }
      case 'update': {
        if (index === 0) {
          await this.web.chat.update({ channel: target.channel, ts: target.ts, text: message.text, blocks: message.blocks });
          return target.ts;
        }
        return this.sendOne({ type: 'channel', channel: target.channel }, message, index);
      }
    }
  }
}
