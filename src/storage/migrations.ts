/**
 * Versioned migrations, in code (Kysely's Migrator with an in-code provider).
 * Names sort in order of application; never edit a migration that shipped: add one.
 */
import { sql, type CreateTableBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** An auto-incrementing integer primary key named `id`, in each engine's own idiom. */
function withId(dialect: DialectName, table: CreateTableBuilder<string, never>): CreateTableBuilder<string, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

function initial(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('user_prefs')
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('strategy', 'text')
        .addColumn('platforms', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('ignored_terms', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_prefs_pk', ['platform', 'user_id'])
        .execute();

      await db.schema
        .createTable('conversation_refs')
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('name', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('conversation_refs_pk', ['platform', 'conversation_id'])
        .execute();

      await withId(dialect, db.schema.createTable('nudge_schedules'))
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text')
        .addColumn('channel_name', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('rule_label', 'text', (c) => c.notNull())
        .addColumn('cron', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('content_kind', 'text', (c) => c.notNull())
        .addColumn('content_value', 'text', (c) => c.notNull())
        .addColumn('report_to', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('starts_after', 'text', (c) => c.notNull())
        .addColumn('cancelled_at', 'text')
        .addColumn('cancelled_by', 'text')
        .execute();
      await db.schema.createIndex('nudge_schedules_status').on('nudge_schedules').column('status').execute();

      await withId(dialect, db.schema.createTable('delivery_log'))
        .addColumn('occurrence_key', 'text', (c) => c.notNull().unique())
        .addColumn('schedule_id', 'integer')
        .addColumn('occurrence_at', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text')
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('nudge_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', 'text')
        .addColumn('message_id', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('delivery_log_status').on('delivery_log').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('delivery_log_channel').on('delivery_log').columns(['platform', 'channel_id']).execute();

      await db.schema
        .createTable('review_stats')
        .addColumn('week', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('dimension', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('review_stats_pk', ['week', 'platform', 'dimension', 'value'])
        .execute();

      await withId(dialect, db.schema.createTable('false_positives'))
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('words', 'text')
        .addColumn('reported_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['false_positives', 'review_stats', 'delivery_log', 'nudge_schedules', 'conversation_refs', 'user_prefs']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}

/** Platform events already handled, shared by replicas (Slack retries may reach another one). */
const handledEvents: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('handled_events')
      .addColumn('event_key', 'text', (c) => c.primaryKey())
      .addColumn('handled_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('handled_events_at').on('handled_events').column('handled_at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('handled_events').ifExists().execute();
  },
};

/** All migrations for a dialect, by name. */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '2026-11-24-001-initial': initial(dialect),
    '2026-11-24-002-handled-events': handledEvents,
  };
}

export class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor(this.dialect);
  }
}

/** A cheap query that proves the connection works (for /healthz). */
export async function pingDatabase(db: Kysely<any>): Promise<void> {
  await sql`select 1`.execute(db);
}
