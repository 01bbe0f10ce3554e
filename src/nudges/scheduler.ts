/**
 * Runs nudge schedules. Every replica ticks on its own; the database decides who
 * sends what: each occurrence is claimed by inserting its unique key
 * (`schedule:<id>@<time>`) into the delivery log, so an occurrence goes out once
 * however many replicas tick and across restarts. Failed posts are retried with
 * backoff by whichever replica reclaims them first; a channel the bot was removed
 * from stops the schedule and is reported to the manager who created it.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Content } from '../content/load-content.ts';
import type { Logger } from '../core/ports.ts';
import { makeReply } from '../core/replies.ts';
import type { Reply } from '../core/types.ts';
import type { Delivery, DeliveryLog } from '../storage/delivery-log.ts';
import type { NudgeSchedule, ScheduleStore } from '../storage/schedule-store.ts';
import { NudgeDispatcher, type Outcome, type RetryPolicy } from './nudge-dispatcher.ts';
import { ownTextReply, tipReply } from './nudge-reply.ts';
import type { PosterRegistry } from './poster-registry.ts';
import { nextTip, tipById } from './rotation.ts';
import { occurrencesBetween } from './schedule-rule.ts';

export interface SchedulerOptions {
  schedules: ScheduleStore;
  deliveries: DeliveryLog;
  posters: PosterRegistry;
  content: () => Content;
  logger: Logger;
  clock?: () => Date;
  /** How often to look for due occurrences (ms). */
  pollMs?: number;
  /** Occurrences missed by more than this (the server was down) are skipped, not sent late. */
  catchUpMs?: number;
  retry?: RetryPolicy;
  /** Identifies this replica in the delivery log. */
  instanceId?: string;
  /** Channels served at once in a tick (default 4). */
  concurrency?: number;
  /** Finished deliveries older than this are pruned from the log, once a day (default 90 days; at least a week). */
  keepDeliveriesMs?: number;
  /** Tells a manager about a schedule that stopped or an occurrence that failed; default: a message to the schedule's report-to conversation. */
  notifyManager?: (schedule: NudgeSchedule, reply: Reply) => Promise<void>;
}

export interface TickSummary {
  claimed: number;
  retried: number;
  sent: number;
  failed: number;
  unavailable: number;
}

export const DEFAULT_POLL_MS = 30_000;
export const DEFAULT_KEEP_DELIVERIES_MS = 90 * 24 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_CATCH_UP_MS = 60 * 60_000;
/** Channels served at once in a tick. */
export const DEFAULT_CONCURRENCY = 4;

/** Runs `work` over `items`, at most `limit` at a time. */
async function forEachLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

export class NudgeScheduler {
  readonly instanceId: string;
  private readonly dispatcher: NudgeDispatcher;
  private readonly clock: () => Date;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickSummary> | undefined;
  private stopped = false;
  private lastPrune = 0;

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger.child({ component: 'scheduler', instance: this.instanceId });
    this.dispatcher = new NudgeDispatcher(options.deliveries, options.posters, this.logger, this.instanceId, options.retry);
  }

  /** Starts polling. Ticks never overlap; an error in one tick is logged and the next one runs. */
  start(): void {
    if (this.timer || this.stopped) return;
    const poll = this.options.pollMs ?? DEFAULT_POLL_MS;
    const run = () => {
      void this.tick().catch((error: unknown) => this.logger.error({ error: (error as Error).message }, 'scheduler tick failed'));
    };
    this.timer = setInterval(run, poll);
    this.timer.unref();
    run();
  }

  /** True between start() and stop(). */
  isRunning(): boolean {
    return this.timer !== undefined;
  }

  /** Stops polling and waits for deliveries under way to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One pass: claim due occurrences, retry due failures. Concurrent calls share the pass under way. */
  tick(now: Date = this.clock()): Promise<TickSummary> {
    if (this.running) return this.running;
    this.running = this.pass(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(now: Date): Promise<TickSummary> {
    const summary: TickSummary = { claimed: 0, retried: 0, sent: 0, failed: 0, unavailable: 0 };
    const runnable = await this.options.schedules.listRunnable();
    // Work is grouped by channel (one channel's schedules run in order, so its tip
    // rotation stays in order) and channels are served a few at a time, since a
    // post mostly waits on the platform. Each replica starts at a different place
    // in the list, so replicas share the work instead of racing for the same claims.
    const byChannel = new Map<string, NudgeSchedule[]>();
    for (const schedule of runnable) {
      // A replica without this platform leaves the occurrence to one that has it.
      if (!this.options.posters.has(schedule.channel.platform)) continue;
      const key = `${schedule.channel.platform}:${schedule.channel.channelId}`;
      byChannel.set(key, [...(byChannel.get(key) ?? []), schedule]);
    }
    const groups = [...byChannel.values()];
    const offset = groups.length > 0 ? Math.floor(Math.random() * groups.length) : 0;
    const ordered = [...groups.slice(offset), ...groups.slice(0, offset)];
    await forEachLimit(ordered, this.options.concurrency ?? DEFAULT_CONCURRENCY, async (schedules) => {
      for (const schedule of schedules) {
        try {
          await this.runSchedule(schedule, now, summary);
        } catch (error) {
          // One schedule's trouble (a database hiccup) must not stop the others.
          this.logger.error({ scheduleId: schedule.id, error: (error as Error).message }, 'scheduled nudge could not be processed');
        }
      }
    });
    await this.pruneDaily(now);
    for (const due of await this.options.deliveries.listDue(now)) {
      if (!this.options.posters.has(due.channel.platform)) continue;
      if (!(await this.options.deliveries.reclaim(due, this.instanceId, now, this.dispatcher.leaseUntil(now)))) continue;
      const delivery: Delivery = { ...due, attempts: due.attempts + 1, status: 'claimed' };
      const schedule = delivery.scheduleId === undefined ? undefined : await this.options.schedules.get(delivery.scheduleId);
      const reply = this.rebuild(delivery, schedule);
      if (!reply || (schedule && schedule.status === 'cancelled')) {
        await this.options.deliveries.markFinal(delivery.id, this.instanceId, 'failed', schedule?.status === 'cancelled' ? 'schedule cancelled before delivery' : 'the tip no longer exists');
        continue;
      }
      summary.retried++;
      this.count(summary, await this.deliver(schedule, delivery, reply, now));
    }
    return summary;
  }

  /** The delivery log keeps its audit trail for `keepDeliveriesMs`, then forgets finished rows (each replica, at most daily). */
  private async pruneDaily(now: Date): Promise<void> {
    if (now.getTime() - this.lastPrune < DAY_MS) return;
    this.lastPrune = now.getTime();
    const keep = Math.max(7 * DAY_MS, this.options.keepDeliveriesMs ?? DEFAULT_KEEP_DELIVERIES_MS);
    try {
      const removed = await this.options.deliveries.prune(new Date(now.getTime() - keep));
      if (removed > 0) this.logger.info({ removed }, 'delivery log: finished deliveries past retention removed');
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'delivery log could not be pruned; will try again tomorrow');
    }
  }

  private async runSchedule(schedule: NudgeSchedule, now: Date, summary: TickSummary): Promise<void> {
    const catchUp = this.options.catchUpMs ?? DEFAULT_CATCH_UP_MS;
    const from = new Date(Math.max(schedule.startsAfter.getTime(), now.getTime() - catchUp));
    let occurrences: Date[];
    try {
      occurrences = occurrencesBetween(schedule.cron, schedule.timeZone, from, now);
    } catch (error) {
      this.logger.error({ scheduleId: schedule.id, error: (error as Error).message }, 'schedule rule cannot be evaluated');
      return;
    }
    for (const at of occurrences) {
      const key = `schedule:${schedule.id}@${at.toISOString()}`;
      if (await this.options.deliveries.exists(key)) continue;
      const built = await this.build(schedule);
      if (!built) continue;
      const delivery = await this.options.deliveries.claim(
        { occurrenceKey: key, scheduleId: schedule.id, occurrenceAt: at, channel: schedule.channel, requestedBy: schedule.createdBy, nudgeId: built.nudgeId },
        this.instanceId,
        now,
        this.dispatcher.leaseUntil(now),
      );
      if (!delivery) continue; // another replica won it
      summary.claimed++;
      this.count(summary, await this.deliver(schedule, delivery, built.reply, now));
    }
  }

  private count(summary: TickSummary, outcome: Outcome): void {
    if (outcome.status === 'sent') summary.sent++;
    else if (outcome.status === 'failed') summary.failed++;
    else if (outcome.status === 'channel_unavailable') summary.unavailable++;
  }

  /** The reply for the next occurrence of a schedule, and the tip id the log records. */
  private async build(schedule: NudgeSchedule): Promise<{ reply: Reply; nudgeId: string } | undefined> {
    const library = this.options.content().nudges;
    const { kind, value } = schedule.content;
    if (kind === 'text') return { reply: ownTextReply(value), nudgeId: 'custom' };
    const tip =
      kind === 'tip' ? tipById(library, value) : nextTip(library, await this.options.deliveries.lastTipFor(schedule.channel), kind === 'topic' ? value : undefined);
    if (!tip) {
      this.logger.error({ scheduleId: schedule.id, content: `${kind}:${value}` }, 'scheduled tip not found in the library');
      return undefined;
    }
    return { reply: tipReply(tip), nudgeId: tip.id };
  }

  private rebuild(delivery: Delivery, schedule: NudgeSchedule | undefined): Reply | undefined {
    if (delivery.nudgeId === 'custom') return schedule?.content.kind === 'text' ? ownTextReply(schedule.content.value) : undefined;
    const tip = tipById(this.options.content().nudges, delivery.nudgeId);
    return tip ? tipReply(tip) : undefined;
  }

  private async deliver(schedule: NudgeSchedule | undefined, delivery: Delivery, reply: Reply, now: Date): Promise<Outcome> {
    const outcome = await this.dispatcher.post(delivery, reply, now);
    if (!schedule) return outcome;
    if (outcome.status === 'channel_unavailable') {
      const changed = await this.options.schedules.setStatus(schedule.id, 'channel_unavailable', outcome.error);
      if (changed) {
        await this.notify(
          schedule,
          `Your scheduled nudge #${schedule.id} (${schedule.ruleLabel}) to ${schedule.channelName ? `#${schedule.channelName}` : 'its channel'} is paused: I can no longer post there, probably because I was removed from the channel. Add me back, then say "nudge resume ${schedule.id}"; or stop it with "nudge cancel ${schedule.id}".`,
        );
      }
    } else if (outcome.status === 'failed') {
      await this.notify(
        schedule,
        `Your scheduled nudge #${schedule.id} to ${schedule.channelName ? `#${schedule.channelName}` : 'its channel'} could not be delivered after ${delivery.attempts} attempts. The schedule stays on; "nudge list" shows its state.`,
      );
    }
    return outcome;
  }

  private async notify(schedule: NudgeSchedule, text: string): Promise<void> {
    const reply = makeReply('manager', [{ type: 'paragraph', text }]);
    try {
      if (this.options.notifyManager) await this.options.notifyManager(schedule, reply);
      else if (schedule.reportTo && this.options.posters.has(schedule.reportTo.platform)) {
        await this.options.posters.get(schedule.reportTo.platform).post(schedule.reportTo, reply);
      }
    } catch (error) {
      // The state is recorded on the schedule and shown by "nudge list"; the DM is a courtesy.
      this.logger.warn({ scheduleId: schedule.id, error: (error as Error).message }, 'could not notify the manager');
    }
  }
}
