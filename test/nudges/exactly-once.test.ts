/**
 * Several replicas, one database: each scheduled occurrence goes out once,
 * across restarts; failures are retried with backoff; a channel the bot left
 * stops the schedule and is reported to the manager.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { announcePostgresSkip, ENGINES, type TestDatabase } from '../storage/databases.ts';
import { inOrder, slackMessage, startTestApp, TestClock, type TestApp } from '../server/app-fixtures.ts';

announcePostgresSkip('test/nudges/exactly-once.test.ts (two replicas on one PostgreSQL)');

const HOUR = 3_600_000;
const MINUTE = 60_000;
const CHANNEL = 'C0GENERAL1';

describe.each(ENGINES)('scheduled nudges on $engine', ({ make, skip }) => {
  const open: TestApp[] = [];
  let db: TestDatabase | undefined;

  afterEach(async () => {
    for (const app of open.splice(0)) await app.close();
    await db?.cleanup();
    db = undefined;
  });

  async function replica(clock: TestClock, name: string, extra: Parameters<typeof startTestApp>[1] = {}): Promise<TestApp> {
    const app = await startTestApp(db!, { clock: clock.now, instanceId: name, ...extra });
    open.push(app);
    return app;
  }

  async function closeReplica(app: TestApp): Promise<void> {
    open.splice(open.indexOf(app), 1);
    await app.close();
  }

  /** Every replica ticks at the same instants, concurrently, hour by hour. */
  async function run(clock: TestClock, replicas: TestApp[], hours: number, step = HOUR): Promise<void> {
    for (let elapsed = 0; elapsed < hours * HOUR; elapsed += step) {
      const now = clock.advance(step);
      await Promise.all(replicas.map((app) => app.scheduler.tick(now)));
    }
  }

  function postsTo(replicas: TestApp[], channel: string) {
    return inOrder(...replicas.map((app) => app.slackPoster.to(channel)));
  }

  it.skipIf(skip)('forgets finished deliveries after 90 days, checking once a day', async () => {
    db = make();
    const clock = new TestClock(new Date('2026-11-23T06:00:00Z'));
    const app = await replica(clock, 'replica-a');
    const at = new Date('2026-08-01T09:00:00Z');
    const old = (await app.storage.deliveries.claim({ occurrenceKey: 'now:old', occurrenceAt: at, channel: { platform: 'slack', channelId: CHANNEL }, requestedBy: 'U1', nudgeId: 'tip-a' }, 'replica-a', at, at))!;
    await app.storage.deliveries.markSent(old.id, 'replica-a', at, 'ts-1');
    const pruned: Date[] = [];
    const prune = app.storage.deliveries.prune.bind(app.storage.deliveries);
    app.storage.deliveries.prune = (before: Date) => {
      pruned.push(before);
      return prune(before);
    };
    await app.scheduler.tick(clock.advance(HOUR));
    expect(await app.storage.deliveries.get(old.id)).toBeUndefined();
    await app.scheduler.tick(clock.advance(HOUR));
    expect(pruned).toEqual([new Date('2026-08-25T07:00:00Z')]);
    await app.scheduler.tick(clock.advance(24 * HOUR));
    expect(pruned).toHaveLength(2);
  });

  it.skipIf(skip)('two replicas deliver each occurrence once, and a restart neither repeats nor skips', async () => {
    db = make();
    const clock = new TestClock(new Date('2026-11-23T06:00:00Z')); // Monday, 07:00 in Paris
    const a = await replica(clock, 'replica-a');
    const b = await replica(clock, 'replica-b');

    const created = await a.core.handle(slackMessage(`nudge schedule <#${CHANNEL}|general> daily 09:00 Europe/Paris next`));
    expect(created.kind).toBe('manager');
    expect(created.text).toContain('Scheduled #1: the next tip in rotation to #general, every day at 09:00 (Europe/Paris). First one: Mon 23 Nov 2026 09:00 CET.');

    // Three days, both replicas ticking at the same instants.
    await run(clock, [a, b], 72);
    const firstRun = postsTo([a, b], CHANNEL);
    expect(firstRun).toHaveLength(3);
    // The rotation moves on: three different tips, in library order.
    const library = a.core.content.nudges.map((nudge) => nudge.title);
    expect(firstRun.map((post) => post.reply.parts[0])).toEqual(library.slice(0, 3).map((text) => ({ type: 'heading', text })));
    expect(firstRun.every((post) => post.reply.kind === 'nudge')).toBe(true);

    // Restart: replica b goes away, a new replica c starts on the same database.
    await closeReplica(b);
    const c = await replica(clock, 'replica-c');
    await run(clock, [a, c], 48);
    const all = postsTo([a, b, c], CHANNEL);
    expect(all).toHaveLength(5);
    expect(all.slice(3).map((post) => post.reply.parts[0])).toEqual(library.slice(3, 5).map((text) => ({ type: 'heading', text })));

    // The delivery log is the audit trail: one row per occurrence, each sent once.
    const log = await a.storage.deliveries.recent({ scheduleId: 1 }, 50);
    expect(log.map((row) => row.occurrenceKey).reverse()).toEqual([
      'schedule:1@2026-11-23T08:00:00.000Z',
      'schedule:1@2026-11-24T08:00:00.000Z',
      'schedule:1@2026-11-25T08:00:00.000Z',
      'schedule:1@2026-11-26T08:00:00.000Z',
      'schedule:1@2026-11-27T08:00:00.000Z',
    ]);
    expect(log.every((row) => row.status === 'sent' && row.attempts === 1 && row.requestedBy === 'UMANAGER')).toBe(true);
  });

  it.skipIf(skip)('a replica that starts late does not resend the past, and skips what was missed long ago', async () => {
    db = make();
    const clock = new TestClock(new Date('2026-11-23T06:00:00Z'));
    const a = await replica(clock, 'replica-a');
    await a.core.handle(slackMessage(`nudge schedule <#${CHANNEL}|general> daily 09:00 Europe/Paris vent-offline`));
    await run(clock, [a], 24);
    expect(a.slackPoster.to(CHANNEL)).toHaveLength(1);
    await closeReplica(a);

    // Down for two days: those two occurrences are skipped, not sent late in a burst.
    clock.advance(48 * HOUR);
    const b = await replica(clock, 'replica-b');
    await b.scheduler.tick(clock.now());
    expect(b.slackPoster.to(CHANNEL)).toHaveLength(0);
    // An occurrence missed by minutes is still sent once.
    clock.set('2026-11-26T08:20:00Z');
    await b.scheduler.tick(clock.now());
    await b.scheduler.tick(clock.now());
    expect(b.slackPoster.to(CHANNEL)).toHaveLength(1);
  });

  it.skipIf(skip)('retries a failed delivery with growing delays, once across replicas', async () => {
    db = make();
    const clock = new TestClock(new Date('2026-11-23T07:50:00Z'));
    const retry = { baseDelayMs: MINUTE, maxDelayMs: 30 * MINUTE, maxAttempts: 5, postTimeoutMs: 5_000, leaseMs: 10 * MINUTE };
    const a = await replica(clock, 'replica-a', { retry });
    const b = await replica(clock, 'replica-b', { retry });
    await a.core.handle(slackMessage(`nudge schedule <#${CHANNEL}|general> daily 09:00 Europe/Paris next`));
    a.slackPoster.failNext(2);
    b.slackPoster.failNext(2);

    const attemptsAt: string[] = [];
    for (let minute = 0; minute < 30; minute++) {
      const now = clock.advance(MINUTE);
      const before = a.slackPoster.attempts.length + b.slackPoster.attempts.length;
      await Promise.all([a, b].map((app) => app.scheduler.tick(now)));
      if (a.slackPoster.attempts.length + b.slackPoster.attempts.length > before) attemptsAt.push(now.toISOString().slice(11, 16));
    }
    // Occurrence at 08:00Z; retry after 1 minute, then after 2 more.
    const delivered = [...a.slackPoster.to(CHANNEL), ...b.slackPoster.to(CHANNEL)];
    expect(delivered).toHaveLength(1);
    const [row] = await a.storage.deliveries.recent({ scheduleId: 1 }, 5);
    expect(row?.status).toBe('sent');
    expect(row?.attempts).toBeGreaterThanOrEqual(2);
    // Each attempt happened once, at backoff times (the failures may be split across replicas).
    expect(attemptsAt.length).toBe(row!.attempts);
    expect(attemptsAt).toEqual(['08:00', '08:01', '08:03', '08:07', '08:15'].slice(0, row!.attempts));
  });

  it.skipIf(skip)('gives up after the last attempt and tells the manager', async () => {
    db = make();
    const clock = new TestClock(new Date('2026-11-23T07:50:00Z'));
    const retry = { baseDelayMs: MINUTE, maxDelayMs: MINUTE, maxAttempts: 3, postTimeoutMs: 5_000, leaseMs: 10 * MINUTE };
    const a = await replica(clock, 'replica-a', { retry });
    await a.core.handle(slackMessage(`nudge schedule <#${CHANNEL}|general> daily 09:00 Europe/Paris next`));
    a.slackPoster.failNext(10, CHANNEL);
    await run(clock, [a], 1, MINUTE);
    const attempts = a.slackPoster.attempts.filter((post) => post.channel.channelId === CHANNEL);
    expect(attempts).toHaveLength(3);
    const [row] = await a.storage.deliveries.recent({ scheduleId: 1 }, 5);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, error: 'delivery_failed: HTTP 503 from the platform' });
    // The manager scheduled it in a DM on Slack: the report goes there.
    const reports = a.slackPoster.to('DMANAGER');
    expect(reports.map((post) => post.reply.text)).toEqual([
      'Your scheduled nudge #1 to #general could not be delivered after 3 attempts. The schedule stays on; "nudge list" shows its state.',
    ]);
  });

  it.skipIf(skip)('a channel the bot was removed from pauses the schedule, is reported once, and is not retried', async () => {
    db = make();
    const clock = new TestClock(new Date('2026-11-23T06:00:00Z'));
    const a = await replica(clock, 'replica-a');
    const b = await replica(clock, 'replica-b');
    await a.core.handle(slackMessage(`nudge schedule <#${CHANNEL}|general> weekly mon,wed,fri 09:00 Europe/Paris next`));
    a.slackPoster.remove(CHANNEL);
    b.slackPoster.remove(CHANNEL);
    await run(clock, [a, b], 24 * 7);

    const tries = [...a.slackPoster.attempts, ...b.slackPoster.attempts].filter((post) => post.channel.channelId === CHANNEL);
    expect(tries).toHaveLength(1);
    const reports = [...a.slackPoster.to('DMANAGER'), ...b.slackPoster.to('DMANAGER')];
    expect(reports).toHaveLength(1);
    expect(reports[0]!.reply.text).toContain('Your scheduled nudge #1 (every Mon, Wed, Fri at 09:00 (Europe/Paris)) to #general is paused: I can no longer post there');

    const schedule = await a.storage.schedules.get(1);
    expect(schedule?.status).toBe('channel_unavailable');
    const list = await b.core.handle(slackMessage('nudge list'));
    expect(list.text).toContain('#1 #general, every Mon, Wed, Fri at 09:00 (Europe/Paris): next tip in rotation. PAUSED: I can no longer post in that channel (was I removed?). Add me back, then "nudge resume 1".');

    // Added back: resumed, it goes on from the next occurrence, without the missed ones.
    a.slackPoster.restore(CHANNEL);
    b.slackPoster.restore(CHANNEL);
    const resumed = await a.core.handle(slackMessage('nudge resume 1'));
    expect(resumed.text).toBe('Resumed #1 (every Mon, Wed, Fri at 09:00 (Europe/Paris)). Next one: Mon 30 Nov 2026 09:00 CET. If I still cannot post there, it pauses again and I will tell you.');
    await run(clock, [a, b], 24 * 3); // Monday and Wednesday
    expect(postsTo([a, b], CHANNEL)).toHaveLength(2);
    expect((await a.storage.schedules.get(1))?.status).toBe('active');
  });

  it.skipIf(skip)('a replica without the platform leaves its nudges to one that has it', async () => {
    db = make();
    const clock = new TestClock(new Date('2026-11-23T07:59:00Z'));
    const teamsOnly = await replica(clock, 'teams-only', { env: { SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '' } });
    const both = await replica(clock, 'both');
    expect(teamsOnly.posters.has('slack')).toBe(false);
    await both.core.handle(slackMessage(`nudge schedule <#${CHANNEL}|general> daily 09:00 Europe/Paris next`));
    const now = clock.advance(2 * MINUTE);
    await teamsOnly.scheduler.tick(now);
    await both.scheduler.tick(now);
    expect(both.slackPoster.to(CHANNEL)).toHaveLength(1);
    const [row] = await both.storage.deliveries.recent({ scheduleId: 1 });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, claimedBy: 'both' });
  });

  it.skipIf(skip)('takes over an occurrence whose replica died mid-delivery, once its lease ran out', async () => {
    db = make();
    const clock = new TestClock(new Date('2026-11-23T07:59:00Z'));
    const a = await replica(clock, 'replica-a');
    await a.core.handle(slackMessage(`nudge schedule <#${CHANNEL}|general> daily 09:00 Europe/Paris next`));
    // A replica claimed 08:00Z and crashed before posting: its claim holds a 5-minute lease.
    const occurrence = new Date('2026-11-23T08:00:00Z');
    const claimed = await a.storage.deliveries.claim(
      { occurrenceKey: `schedule:1@${occurrence.toISOString()}`, scheduleId: 1, occurrenceAt: occurrence, channel: { platform: 'slack', channelId: CHANNEL }, requestedBy: 'UMANAGER', nudgeId: a.core.content.nudges[0]!.id },
      'crashed-replica',
      occurrence,
      new Date(occurrence.getTime() + 5 * MINUTE),
    );
    expect(claimed).toBeDefined();
    const b = await replica(clock, 'replica-b');
    await run(clock, [a, b], 4 * MINUTE / HOUR, MINUTE); // until 08:03: the lease still holds
    expect(postsTo([a, b], CHANNEL)).toHaveLength(0);
    await run(clock, [a, b], 5 * MINUTE / HOUR, MINUTE); // until 08:08
    expect(postsTo([a, b], CHANNEL)).toHaveLength(1);
    const [row] = await a.storage.deliveries.recent({ scheduleId: 1 });
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(['replica-a', 'replica-b']).toContain(row!.claimedBy);
  });
});
