/**
 * Scheduled nudges across replicas: N schedules fall due at the same minute and
 * R replicas (full app instances on one database) tick at once. Prints, per
 * engine and replica count, how long until every occurrence was delivered, and
 * checks each went out exactly once. Posters wait `--post-ms` per post, like a
 * remote chat API.
 *   node --import tsx bench/scheduler-replicas.ts [--schedules 200] [--post-ms 20]
 * PostgreSQL rows run when TEST_DATABASE_URL is set (scripts/ensure-postgres.sh).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelPoster, ChannelRef } from '../src/core/ports.ts';
import type { Reply } from '../src/core/types.ts';
import { loadConfig, type Env } from '../src/server/config.ts';
import { createLogger, memoryDestination } from '../src/server/logger.ts';
import { startApp, type RunningApp } from '../src/server/start-app.ts';
import { dropPostgresSchema } from '../src/storage/open-database.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const SCHEDULES = option('schedules', 200);
const POST_MS = option('post-ms', 20);

class CountingPoster implements ChannelPoster {
  readonly platform = 'slack' as const;
  constructor(private readonly sent: Map<string, number>) {}
  async post(channel: ChannelRef, _reply: Reply): Promise<{ messageId?: string }> {
    await new Promise((resolve) => setTimeout(resolve, POST_MS));
    this.sent.set(channel.channelId, (this.sent.get(channel.channelId) ?? 0) + 1);
    return { messageId: String(this.sent.size) };
  }
}

async function run(engine: 'sqlite' | 'postgres', replicas: number): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sched-'));
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const env: Env = { LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'a'.repeat(32) };
  if (engine === 'postgres') Object.assign(env, { DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
  else env.SQLITE_PATH = join(dir, 'bench.db');
  let now = new Date('2026-11-24T08:00:00Z');
  const clock = () => now;
  const sent = new Map<string, number>();
  const apps: RunningApp[] = [];
  for (let index = 0; index < replicas; index++) {
    apps.push(
      await startApp({
        config: loadConfig(env),
        port: 0,
        clock,
        startScheduler: false,
        instanceId: `r${index}`,
        logger: createLogger({ level: 'warn', destination: memoryDestination() }),
        adapters: { slack: async () => ({ platform: 'slack', routes: [], poster: new CountingPoster(sent), describe: () => 'bench' }) },
      }),
    );
  }
  for (let index = 0; index < SCHEDULES; index++) {
    await apps[0]!.storage.schedules.create({
      channel: { platform: 'slack', channelId: `C${String(index).padStart(6, '0')}` },
      createdBy: 'UBENCH',
      ruleLabel: 'every day at 09:00 (UTC)',
      cron: '0 9 * * *',
      timeZone: 'UTC',
      content: { kind: 'next', value: '' },
      createdAt: now,
    });
  }
  now = new Date('2026-11-24T09:00:05Z');
  const started = performance.now();
  await Promise.all(apps.map((app) => app.scheduler.tick(now)));
  const ms = performance.now() - started;
  const duplicates = [...sent.values()].filter((count) => count > 1).length;
  for (const app of apps) await app.close();
  rmSync(dir, { recursive: true, force: true });
  if (engine === 'postgres') await dropPostgresSchema(process.env.TEST_DATABASE_URL!, schema);
  return {
    engine,
    replicas,
    schedules: SCHEDULES,
    delivered: sent.size,
    duplicates,
    'tick ms': Math.round(ms),
    'deliveries/s': Math.round((sent.size / ms) * 1000),
  };
}

const rows: Array<Record<string, string | number>> = [];
const engines: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
for (const engine of engines) {
  for (const replicas of [1, 2, 4]) rows.push(await run(engine, replicas));
}
console.log(`Scheduled nudges: ${SCHEDULES} occurrences due at once, posts take ${POST_MS} ms each`);
console.table(rows);
if (!process.env.TEST_DATABASE_URL) console.log('PostgreSQL skipped: set TEST_DATABASE_URL (scripts/ensure-postgres.sh) to include it.');
const bad = rows.filter((row) => row.delivered !== SCHEDULES || row.duplicates !== 0);
if (bad.length > 0) {
  console.error('NOT exactly once:', bad);
  process.exit(1);
}
