/**
 * Opens the database behind one query layer (Kysely): the embedded SQLite file by
 * default, PostgreSQL when a URL is given. Runs the migrations before returning.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, sql, type DialectAdapter } from 'kysely';
import pg from 'pg';
import { SocialCheckError } from '../core/errors.ts';
import { InCodeMigrationProvider, pingDatabase, type DialectName } from './migrations.ts';
import type { Database } from './schema.ts';

export const DEFAULT_SQLITE_PATH = './data/social-check.db';

export interface DatabaseOptions {
  /** PostgreSQL connection URL; when unset, SQLite at `sqlitePath`. */
  databaseUrl?: string;
  /** PostgreSQL schema to use (created if missing); default `public`. */
  schema?: string;
  sqlitePath?: string;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, without credentials: `sqlite:./data/social-check.db` or `postgres://host:5432/db`. */
  describe: string;
  /** The migrations applied at start (names), for the start-up log. */
  migrated: string[];
  ping(): Promise<void>;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function describePostgres(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'postgres';
  }
}

/**
 * Where unqualified tables go on PostgreSQL (the first existing schema on the
 * search path). Kysely's Migrator, told no schema, takes a migration table in
 * ANY schema as its own (another app's, another replica set's, another test's)
 * and then fails on its own schema ("relation kysely_migration_lock does not
 * exist"), so it is always told this one.
 */
async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new SocialCheckError('storage_failed', 'PostgreSQL has no schema to create tables in: none on the search_path exists. Set DATABASE_SCHEMA or create the schema.');
  return schema;
}

async function migrate(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(dialect), ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new SocialCheckError('storage_failed', `Database migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/**
 * Kysely assumes one process per SQLite file and takes no migration lock. Two
 * replicas (or a restart overlapping the old process) may share the file, so
 * migrations run inside BEGIN IMMEDIATE: one process migrates, the other waits
 * (busy_timeout) and then finds the work done.
 */
class LockingSqliteAdapter extends SqliteAdapter {
  override async acquireMigrationLock(db: Kysely<any>): Promise<void> {
    await sql`begin immediate`.execute(db);
  }

  override async releaseMigrationLock(db: Kysely<any>): Promise<void> {
    await sql`commit`.execute(db);
  }
}

class LockingSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new LockingSqliteAdapter();
  }
}

function openSqlite(path: string): { db: Kysely<Database>; describe: string } {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(file);
  } catch (error) {
    throw new SocialCheckError('storage_failed', `Cannot open the SQLite database at ${file}: ${(error as Error).message}. Check SQLITE_PATH.`, { cause: error });
  }
  // Several processes may share the file (replicas, a restart overlapping the old
  // process): WAL lets readers and one writer proceed, busy_timeout waits for locks.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return { db: new Kysely<Database>({ dialect: new LockingSqliteDialect({ database }) }), describe: `sqlite:${path}` };
}

async function openPostgres(url: string, schema: string | undefined, poolSize: number): Promise<Kysely<Database>> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new SocialCheckError('config_invalid', `DATABASE_SCHEMA "${schema}" is not a valid schema name (lower-case letters, digits, _).`);
  }
  if (schema) {
    // Create the schema with a one-off connection, then pin every pooled connection to it.
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query(`create schema if not exists "${schema}"`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<OpenDatabase> {
  let db: Kysely<Database>;
  let dialect: DialectName;
  let describe: string;
  if (options.databaseUrl) {
    dialect = 'postgres';
    describe = describePostgres(options.databaseUrl) + (options.schema ? ` (schema ${options.schema})` : '');
    try {
      db = await openPostgres(options.databaseUrl, options.schema, options.poolSize ?? 10);
      await pingDatabase(db);
    } catch (error) {
      if (error instanceof SocialCheckError) throw error;
      throw new SocialCheckError(
        'storage_failed',
        `Cannot connect to PostgreSQL at ${describe}: ${(error as Error).message}. Check DATABASE_URL, or unset it to use the embedded SQLite database.`,
        { cause: error },
      );
    }
  } else {
    dialect = 'sqlite';
    ({ db, describe } = openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH));
  }
  let migrated: string[];
  try {
    migrated = await migrate(db, dialect);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  let closed = false;
  return {
    db,
    dialect,
    describe,
    migrated,
    ping: () => pingDatabase(db),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** Drops a PostgreSQL schema (tests clean up after themselves). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new SocialCheckError('config_invalid', `Invalid schema name "${schema}".`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

