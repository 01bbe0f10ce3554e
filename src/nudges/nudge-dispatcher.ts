/**
 * Posts nudges and keeps the delivery log: a claimed occurrence is posted, then
 * marked sent, retried later with exponential backoff, or stopped when the
 * channel is gone (the poster throws `channel_unavailable`).
 */
import { randomUUID } from 'node:crypto';
import { isSocialCheckError, SocialCheckError } from '../core/errors.ts';
import type { ChannelRef, Logger } from '../core/ports.ts';
import type { Reply } from '../core/types.ts';
import type { Delivery, DeliveryLog } from '../storage/delivery-log.ts';
import type { PosterRegistry } from './poster-registry.ts';

export interface RetryPolicy {
  /** First retry after this long; each further retry waits twice as long. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** A post that takes longer is abandoned and retried. */
  postTimeoutMs: number;
  /** How long a claim protects an occurrence from other replicas (longer than postTimeoutMs). */
  leaseMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 30 * 60_000,
  maxAttempts: 6,
  postTimeoutMs: 30_000,
  leaseMs: 5 * 60_000,
};

export type Outcome =
  | { status: 'sent'; messageId?: string }
  | { status: 'retrying'; error: string; nextAttemptAt: Date }
  | { status: 'failed'; error: string }
  | { status: 'channel_unavailable'; error: string };

export function backoffDelay(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SocialCheckError('delivery_failed', `the post took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): string {
  if (isSocialCheckError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

export class NudgeDispatcher {
  constructor(
    private readonly deliveries: DeliveryLog,
    private readonly posters: PosterRegistry,
    private readonly logger: Logger,
    readonly owner: string,
    readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  leaseUntil(now: Date): Date {
    return new Date(now.getTime() + this.retry.leaseMs);
  }

  /**
   * Posts a claimed delivery and records the result. `retryable` is false for
   * nudges sent now: the manager sees the error at once and can try again.
   */
  async post(delivery: Delivery, reply: Reply, now: Date, retryable = true): Promise<Outcome> {
    const log = this.logger.child({ deliveryId: delivery.id, scheduleId: delivery.scheduleId, platform: delivery.channel.platform, channelId: delivery.channel.channelId });
    try {
      const poster = this.posters.get(delivery.channel.platform);
      const result = await withTimeout(poster.post(delivery.channel, reply), this.retry.postTimeoutMs);
      await this.deliveries.markSent(delivery.id, this.owner, now, result.messageId);
      log.info({ nudgeId: delivery.nudgeId, attempts: delivery.attempts }, 'nudge delivered');
      return result.messageId ? { status: 'sent', messageId: result.messageId } : { status: 'sent' };
    } catch (error) {
      const text = describeError(error);
      if (isSocialCheckError(error, 'channel_unavailable')) {
        await this.deliveries.markFinal(delivery.id, this.owner, 'channel_unavailable', text);
        log.warn({ error: text }, 'nudge channel unavailable');
        return { status: 'channel_unavailable', error: text };
      }
      if (!retryable || delivery.attempts >= this.retry.maxAttempts) {
        await this.deliveries.markFinal(delivery.id, this.owner, 'failed', text);
        log.error({ error: text, attempts: delivery.attempts }, 'nudge delivery failed');
        return { status: 'failed', error: text };
      }
      const nextAttemptAt = new Date(now.getTime() + backoffDelay(this.retry, delivery.attempts));
      await this.deliveries.markRetry(delivery.id, this.owner, text, nextAttemptAt);
      log.warn({ error: text, attempts: delivery.attempts, nextAttemptAt: nextAttemptAt.toISOString() }, 'nudge delivery will be retried');
      return { status: 'retrying', error: text, nextAttemptAt };
    }
  }

  /** Sends a nudge right now, logged like any other delivery. */
  async sendNow(input: { channel: ChannelRef; reply: Reply; nudgeId: string; requestedBy: string; now: Date }): Promise<Outcome> {
    const delivery = await this.deliveries.claim(
      {
        occurrenceKey: `now:${randomUUID()}`,
        occurrenceAt: input.now,
        channel: input.channel,
        requestedBy: input.requestedBy,
        nudgeId: input.nudgeId,
      },
      this.owner,
      input.now,
      this.leaseUntil(input.now),
    );
    if (!delivery) throw new SocialCheckError('storage_failed', 'Could not record the delivery.');
    return this.post(delivery, input.reply, input.now, false);
  }
}
