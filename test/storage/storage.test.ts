import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/storage/storage.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { weekOf } from '../../src/storage/review-stats.ts';
import { announcePostgresSkip, ENGINES, tempSqlite, type TestDatabase } from './databases.ts';

announcePostgresSkip('test/storage/storage.test.ts (repositories)');

describe.each(ENGINES)('storage on $engine', ({ make, skip }) => {
  let target: TestDatabase;
  let storage: Storage;

  beforeEach(async (context) => {
    if (skip) return context.skip();
    target = make();
    storage = await openStorage(target.options);
  });

  afterEach(async () => {
    if (skip) return;
    await storage.close();
    await target.cleanup();
  });

  it('runs the migrations once, and again is a no-op', async () => {
    expect(storage.database.migrated).toEqual(['2026-11-24-001-initial', '2026-11-24-002-handled-events']);
    const again = await openDatabase(target.options);
    expect(again.migrated).toEqual([]);
    await again.ping();
    await again.close();
  });

  it('claims a platform event once, whoever asks, and forgets it after an hour', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(await storage.events.claim('slack:Ev1', now)).toBe(true);
    expect(await storage.events.claim('slack:Ev1', now)).toBe(false);
    const replica = await openStorage(target.options);
    try {
      expect(await replica.events.claim('slack:Ev1', now)).toBe(false);
      expect(await replica.events.claim('slack:Ev2', now)).toBe(true);
      expect(await Promise.all([storage.events.claim('slack:Ev3', now), replica.events.claim('slack:Ev3', now)])).toEqual(expect.arrayContaining([true, false]));
    } finally {
      await replica.close();
    }
    expect(await storage.events.prune(new Date(now.getTime() + 30 * 60_000))).toBe(0);
    expect(await storage.events.prune(new Date(now.getTime() + 61 * 60_000))).toBe(3);
    expect(await storage.events.claim('slack:Ev1', new Date(now.getTime() + 61 * 60_000))).toBe(true);
  });

  it('keeps a person\'s strategy, platforms and ignored words', async () => {
    const user = { platform: 'slack' as const, userId: 'U1' };
    expect(await storage.prefs.getPrefs(user)).toEqual({ platforms: [], ignoredTerms: [] });
    await storage.prefs.setStrategy(user, 'custom');
    await storage.prefs.setPlatforms(user, ['linkedin', 'instagram', 'linkedin']);
    await storage.prefs.addIgnoredTerm(user, '  Beer ');
    await storage.prefs.addIgnoredTerm(user, 'beer');
    await storage.prefs.addIgnoredTerm(user, 'launch');
    expect(await storage.prefs.getPrefs(user)).toEqual({ strategy: 'custom', platforms: ['linkedin', 'instagram'], ignoredTerms: ['beer', 'launch'] });
    // Another platform's user with the same id is someone else.
    expect(await storage.prefs.getPrefs({ platform: 'teams', userId: 'U1' })).toEqual({ platforms: [], ignoredTerms: [] });
  });

  it('counts reviews per week anonymously', async () => {
    const monday = new Date('2026-11-23T10:00:00Z');
    await storage.prefs.recordReview({ platform: 'slack', categories: ['nightlife', 'profanity'], verdict: 'risky', audience: 'nobody', at: monday });
    await storage.prefs.recordReview({ platform: 'teams', categories: ['nightlife'], verdict: 'caution', audience: 'personal', at: new Date('2026-11-29T23:00:00Z') });
    await storage.prefs.recordReview({ platform: 'slack', categories: [], verdict: 'ok', audience: 'everyone', at: new Date('2026-11-16T08:00:00Z') });
    const weeks = await storage.stats.weeks(new Date('2026-11-10T00:00:00Z'));
    expect(weeks).toEqual([
      {
        week: '2026-11-23',
        reviews: 2,
        verdicts: { risky: 1, caution: 1 },
        audiences: { nobody: 1, personal: 1 },
        categories: { nightlife: 2, profanity: 1 },
      },
      { week: '2026-11-16', reviews: 1, verdicts: { ok: 1 }, audiences: { everyone: 1 }, categories: {} },
    ]);
  });

  it('adds buffered counts to what is already stored, and writes them at close', async () => {
    const at = new Date('2026-11-24T10:00:00Z');
    await storage.prefs.recordReview({ platform: 'slack', categories: ['nightlife'], verdict: 'caution', audience: 'personal', at });
    await storage.stats.flush();
    await storage.prefs.recordReview({ platform: 'slack', categories: ['nightlife'], verdict: 'caution', audience: 'personal', at });
    await storage.close();
    storage = await openStorage(target.options);
    const [week] = await storage.stats.weeks(at);
    expect(week).toEqual({ week: '2026-11-23', reviews: 2, verdicts: { caution: 2 }, audiences: { personal: 2 }, categories: { nightlife: 2 } });
  });

  it('serves a person\'s preferences from a short cache that its own writes refresh', async () => {
    const user = { platform: 'slack' as const, userId: 'U7' };
    await storage.prefs.getPrefs(user); // cached: nothing set yet
    await storage.prefs.addIgnoredTerm(user, 'beer');
    expect((await storage.prefs.getPrefs(user)).ignoredTerms).toEqual(['beer']);
    await storage.prefs.setStrategy(user, 'content');
    expect((await storage.prefs.getPrefs(user)).strategy).toBe('content');
    const copy = await storage.prefs.getPrefs(user);
    copy.ignoredTerms.push('mutated');
    expect((await storage.prefs.getPrefs(user)).ignoredTerms).toEqual(['beer']);
  });

  it('records false positives, with words only when shared', async () => {
    const at = new Date('2026-11-24T10:00:00Z');
    await storage.prefs.recordFalsePositive({ platform: 'slack', category: 'nightlife', ruleId: 'nightlife/shots', at });
    await storage.prefs.recordFalsePositive({ platform: 'teams', category: 'nightlife', ruleId: 'nightlife/shots', words: 'shots', at });
    expect(await storage.falsePositives.countsSince(new Date('2026-11-01T00:00:00Z'))).toEqual([
      { category: 'nightlife', ruleId: 'nightlife/shots', reports: 2 },
    ]);
    const rows = await storage.database.db.selectFrom('false_positives').select(['words']).orderBy('id').execute();
    expect(rows.map((row) => row.words)).toEqual([null, 'shots']);
  });

  it('stores, updates, lists and deletes Teams conversation references', async () => {
    const reference = { conversation: { id: '19:abc@thread.tacv2' }, serviceUrl: 'https://smba.trafficmanager.net/emea/' };
    await storage.refs.saveConversationRef({ platform: 'teams', conversationId: '19:abc@thread.tacv2', teamId: 'T1', name: 'General', kind: 'channel', reference, updatedAt: new Date('2026-11-24T10:00:00Z') });
    await storage.refs.saveConversationRef({ platform: 'teams', conversationId: 'a:personal', kind: 'personal', reference: { x: 1 }, updatedAt: new Date('2026-11-24T10:00:00Z') });
    // An update without a name keeps the known name.
    await storage.refs.saveConversationRef({ platform: 'teams', conversationId: '19:abc@thread.tacv2', teamId: 'T1', kind: 'channel', reference, updatedAt: new Date('2026-11-24T11:00:00Z') });
    const got = await storage.refs.getConversationRef('teams', '19:abc@thread.tacv2');
    expect(got).toEqual({ platform: 'teams', conversationId: '19:abc@thread.tacv2', teamId: 'T1', name: 'General', kind: 'channel', reference, updatedAt: new Date('2026-11-24T11:00:00Z') });
    expect((await storage.refs.listConversationRefs('teams', 'T1')).map((ref) => ref.conversationId)).toEqual(['19:abc@thread.tacv2']);
    expect(await storage.refs.listConversationRefs('teams')).toHaveLength(2);
    await storage.refs.deleteConversationRef('teams', 'a:personal');
    expect(await storage.refs.getConversationRef('teams', 'a:personal')).toBeUndefined();
  });

  it('claims an occurrence once, however many replicas try', async () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const lease = new Date('2026-11-24T09:02:00Z');
    const input = { occurrenceKey: 'schedule:1@2026-11-24T09:00:00.000Z', scheduleId: 1, occurrenceAt: now, channel: { platform: 'slack' as const, channelId: 'C1' }, requestedBy: 'U1', nudgeId: 'tip-a' };
    const results = await Promise.all([1, 2, 3, 4].map((n) => storage.deliveries.claim(input, `replica-${n}`, now, lease)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const delivery = results.find(Boolean)!;
    // A retry can be taken over by exactly one replica once it is due.
    await storage.deliveries.markRetry(delivery.id, delivery.claimedBy!, 'timeout', new Date('2026-11-24T09:01:00Z'));
    expect(await storage.deliveries.listDue(new Date('2026-11-24T09:00:30Z'))).toEqual([]);
    const due = await storage.deliveries.listDue(new Date('2026-11-24T09:01:00Z'));
    expect(due.map((d) => d.id)).toEqual([delivery.id]);
    const wins = await Promise.all(['a', 'b', 'c'].map((owner) => storage.deliveries.reclaim(due[0]!, owner, new Date('2026-11-24T09:01:00Z'), lease)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    const after = await storage.deliveries.get(delivery.id);
    expect(after?.attempts).toBe(2);
    expect(after?.status).toBe('claimed');
  });

  it('prunes finished deliveries past retention, never one under way', async () => {
    const old = new Date('2026-06-01T09:00:00Z');
    const lease = new Date('2026-06-01T09:02:00Z');
    const make = (key: string, at: Date) =>
      storage.deliveries.claim({ occurrenceKey: key, occurrenceAt: at, channel: { platform: 'slack', channelId: 'C1' }, requestedBy: 'U1', nudgeId: 'tip-a' }, 'r1', at, lease);
    const sent = (await make('now:sent', old))!;
    await storage.deliveries.markSent(sent.id, 'r1', old, 'ts-1');
    const failed = (await make('now:failed', old))!;
    await storage.deliveries.markFinal(failed.id, 'r1', 'failed', 'channel_not_found');
    const retrying = (await make('now:retrying', old))!;
    await storage.deliveries.markRetry(retrying.id, 'r1', 'timeout', new Date('2026-06-01T09:05:00Z'));
    const recent = (await make('now:recent', new Date('2026-11-20T09:00:00Z')))!;
    await storage.deliveries.markSent(recent.id, 'r1', new Date('2026-11-20T09:00:00Z'), 'ts-2');
    expect(await storage.deliveries.prune(new Date('2026-08-26T00:00:00Z'))).toBe(2);
    expect(await storage.deliveries.get(sent.id)).toBeUndefined();
    expect(await storage.deliveries.get(failed.id)).toBeUndefined();
    expect((await storage.deliveries.get(retrying.id))?.status).toBe('retrying');
    expect((await storage.deliveries.get(recent.id))?.status).toBe('sent');
  });

  it('cancels a schedule once', async () => {
    const schedule = await storage.schedules.create({
      channel: { platform: 'slack', channelId: 'C1' },
      createdBy: 'U1',
      ruleLabel: 'weekly mon 09:00',
      cron: '0 9 * * 1',
      timeZone: 'Europe/Paris',
      content: { kind: 'next', value: '' },
      createdAt: new Date('2026-11-24T10:00:00Z'),
    });
    expect(schedule.id).toBeGreaterThan(0);
    expect(await storage.schedules.cancel(schedule.id, 'U1', new Date())).toBe(true);
    expect(await storage.schedules.cancel(schedule.id, 'U1', new Date())).toBe(false);
    expect(await storage.schedules.listVisible('slack')).toEqual([]);
  });
});

describe('weekOf', () => {
  it('is the Monday of the ISO week, UTC', () => {
    expect(weekOf(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
    expect(weekOf(new Date('2026-11-29T23:59:59Z'))).toBe('2026-11-23');
    expect(weekOf(new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30');
  });
});

describe('SQLite shared by several processes', () => {
  it('migrates once when two processes open a new file at the same time', async () => {
    const target = tempSqlite();
    const script = `import { openDatabase } from './src/storage/open-database.ts';
const db = await openDatabase({ sqlitePath: process.env.DB_FILE });
process.stdout.write(JSON.stringify(db.migrated));
await db.close();`;
    const run = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), env: { ...process.env, DB_FILE: target.options.sqlitePath }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      return once(child, 'exit').then(([code]) => ({ code: code as number | null, out, err }));
    };
    const results = await Promise.all([run(), run(), run()]);
    expect(results.map((result) => [result.code, result.err])).toEqual([[0, ''], [0, ''], [0, '']]);
    const applied = results.map((result) => JSON.parse(result.out) as string[]);
    expect(applied.flat()).toEqual(['2026-11-24-001-initial', '2026-11-24-002-handled-events']);
    await target.cleanup();
  });
});
