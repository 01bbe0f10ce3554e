/**
 * The shared ledger of handled platform events: a replica handles an event when
 * its INSERT of the event's key succeeds (the primary key makes the claim
 * atomic on SQLite and PostgreSQL alike). Keys older than `keepMs` are pruned
 * now and then, in the background: Slack stops retrying after a few minutes.
 */
import type { Kysely } from 'kysely';
import type { EventLedger } from '../core/ports.ts';
import type { Database } from './schema.ts';

export class SqlEventLedger implements EventLedger {
  private claims = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly keepMs = 60 * 60 * 1000,
    private readonly pruneEvery = 500,
  ) {}

  async claim(key: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .insertInto('handled_events')
      .values({ event_key: key, handled_at: now.toISOString() })
      .onConflict((oc) => oc.column('event_key').doNothing())
      .returning('event_key')
      .execute();
    // Pruning is housekeeping: it never delays or fails a claim. It runs on the first claim
    // after a start (a deployment that restarts often still prunes) and every `pruneEvery` after.
    if (this.claims++ % this.pruneEvery === 0) void this.prune(now).catch(() => undefined);
    return rows.length > 0;
  }

  /** Forgets keys older than the retention; returns how many. */
  async prune(now: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('handled_events')
      .where('handled_at', '<', new Date(now.getTime() - this.keepMs).toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
