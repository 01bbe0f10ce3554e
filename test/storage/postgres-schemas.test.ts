/**
 * Two deployments (or two test runs) on one PostgreSQL server, each in its own
 * schema: opening the second must migrate its own schema, not take the first's
 * migration tables for its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../src/storage/open-database.ts';
import { announcePostgresSkip, freshPostgres, TEST_POSTGRES_URL, type TestDatabase } from './databases.ts';

announcePostgresSkip('test/storage/postgres-schemas.test.ts (one server, several schemas)');

describe('PostgreSQL schemas', () => {
  const opened: OpenDatabase[] = [];
  const targets: TestDatabase[] = [];

  afterEach(async () => {
    for (const database of opened.splice(0)) await database.close();
    for (const target of targets.splice(0)) await target.cleanup();
  });

  it.skipIf(TEST_POSTGRES_URL === undefined)('a new schema is migrated while another schema on the server already holds migration tables', async () => {
    const first = freshPostgres();
    const second = freshPostgres();
    targets.push(first, second);
    opened.push(await openDatabase(first.options));
    // The first schema's kysely_migration tables exist; the second has none yet.
    const other = await openDatabase(second.options);
    opened.push(other);
    expect(other.migrated).toEqual(['2026-11-24-001-initial', '2026-11-24-002-handled-events']);
    expect(await other.db.selectFrom('nudge_schedules').selectAll().execute()).toEqual([]);
  });
});
