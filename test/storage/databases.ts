/**
 * The databases storage tests run on: the embedded SQLite default (a temp file)
 * always, and a real PostgreSQL when TEST_DATABASE_URL is set and reachable.
 * Each PostgreSQL test gets its own schema, so parallel runs never collide.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dropPostgresSchema, type DatabaseOptions } from '../../src/storage/open-database.ts';

async function checkPostgres(): Promise<{ url?: string; reason?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { reason: 'TEST_DATABASE_URL is not set (run scripts/ensure-postgres.sh, or .ci/run, to run them)' };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { url };
  } catch (error) {
    return { reason: `PostgreSQL at TEST_DATABASE_URL is unreachable (${(error as Error).message})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgres = await checkPostgres();

/** The PostgreSQL URL for tests, or undefined when those suites are skipped. */
export const TEST_POSTGRES_URL = postgres.url;
export const POSTGRES_SKIP_REASON = postgres.reason;

/** Says loudly which suite is skipped and why (vitest only shows "skipped"). */
export function announcePostgresSkip(suite: string): void {
  if (POSTGRES_SKIP_REASON) console.warn(`\n[social-check] SKIPPED on PostgreSQL: ${suite}: ${POSTGRES_SKIP_REASON}\n`);
}

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  options: DatabaseOptions;
  cleanup(): Promise<void>;
}

export function tempSqlite(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'social-check-db-'));
  return {
    name: 'sqlite',
    options: { sqlitePath: join(dir, 'test.db') },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freshPostgres(): TestDatabase {
  if (!TEST_POSTGRES_URL) throw new Error('PostgreSQL is not available');
  const url = TEST_POSTGRES_URL;
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    name: 'postgres',
    options: { databaseUrl: url, schema },
    cleanup: () => dropPostgresSchema(url, schema),
  };
}

/** Both engines, for `describe.each`; PostgreSQL marked skipped when unavailable. */
export const ENGINES: Array<{ engine: 'sqlite' | 'postgres'; make: () => TestDatabase; skip: boolean }> = [
  { engine: 'sqlite', make: tempSqlite, skip: false },
  { engine: 'postgres', make: freshPostgres, skip: TEST_POSTGRES_URL === undefined },
];
