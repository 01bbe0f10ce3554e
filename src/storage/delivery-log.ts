/**
 * The delivery log: one row per nudge occurrence, an audit trail (who asked,
 * where, when it went out, the result) and the claim that makes delivery
 * exactly-once. A replica owns an occurrence when its INSERT of the unique
 * `occurrence_key` succeeds; retries and crashed claims are taken over with a
 * conditional UPDATE that only one replica can win.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ChannelRef } from '../core/ports.ts';
import type { ChatPlatform } from '../core/types.ts';
import type { Database, DeliveryLogTable } from './schema.ts';
import { channelFromRow } from './channel-column.ts';

export type DeliveryStatus = 'claimed' | 'sent' | 'retrying' | 'failed' | 'channel_unavailable';

export interface Delivery {
  id: number;
  occurrenceKey: string;
  scheduleId?: number;
  occurrenceAt: Date;
  channel: ChannelRef;
  requestedBy: string;
  nudgeId: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt?: Date;
  claimedBy?: string;
  messageId?: string;
  error?: string;
  createdAt: Date;
  sentAt?: Date;
}

export type NewDelivery = Pick<Delivery, 'occurrenceKey' | 'scheduleId' | 'occurrenceAt' | 'channel' | 'requestedBy' | 'nudgeId'>;

function toDelivery(row: Selectable<DeliveryLogTable>): Delivery {
  const channel = channelFromRow(row);
  const delivery: Delivery = {
    id: Number(row.id),
    occurrenceKey: row.occurrence_key,
    occurrenceAt: new Date(row.occurrence_at),
    channel,
    requestedBy: row.requested_by,
    nudgeId: row.nudge_id,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    createdAt: new Date(row.created_at),
  };
  if (row.schedule_id !== null) delivery.scheduleId = Number(row.schedule_id);
  if (row.next_attempt_at) delivery.nextAttemptAt = new Date(row.next_attempt_at);
  if (row.claimed_by) delivery.claimedBy = row.claimed_by;
  if (row.message_id) delivery.messageId = row.message_id;
  if (row.error) delivery.error = row.error;
  if (row.sent_at) delivery.sentAt = new Date(row.sent_at);
  return delivery;
}

/** Error text kept in the log is short and never holds message text (callers pass codes and SDK messages). */
function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

export class DeliveryLog {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Claims an occurrence for `owner` until `leaseUntil`. Returns the delivery when
   * this call created it, undefined when someone (another replica, an earlier
   * run) already has it.
   */
  async claim(input: NewDelivery, owner: string, now: Date, leaseUntil: Date): Promise<Delivery | undefined> {
    const rows = await this.db
      .insertInto('delivery_log')
      .values({
        occurrence_key: input.occurrenceKey,
        schedule_id: input.scheduleId ?? null,
        occurrence_at: input.occurrenceAt.toISOString(),
        platform: input.channel.platform,
        channel_id: input.channel.channelId,
        team_id: input.channel.teamId ?? null,
        requested_by: input.requestedBy,
        nudge_id: input.nudgeId,
        status: 'claimed',
        attempts: 1,
        next_attempt_at: null,
        claimed_by: owner,
        claimed_until: leaseUntil.toISOString(),
        message_id: null,
        error: null,
        created_at: now.toISOString(),
        sent_at: null,
      })
      .onConflict((oc) => oc.column('occurrence_key').doNothing())
      .returningAll()
      .execute();
    return rows[0] ? toDelivery(rows[0]) : undefined;
  }

  /**
   * Forgets finished deliveries (sent, failed, channel gone) created before
   * `before`; claims and retries under way are kept. Safe for exactly-once as
   * long as `before` is far older than the scheduler's catch-up window: an
   * occurrence that old is never claimed again. Returns how many were removed.
   */
  async prune(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('delivery_log')
      .where('status', 'in', ['sent', 'failed', 'channel_unavailable'])
      .where('created_at', '<', before.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Has this occurrence been claimed by anyone already? */
  async exists(occurrenceKey: string): Promise<boolean> {
    const row = await this.db.selectFrom('delivery_log').select('id').where('occurrence_key', '=', occurrenceKey).executeTakeFirst();
    return row !== undefined;
  }

  /** Deliveries that are due again: retries whose time came, and claims whose lease ran out (a crashed replica). */
  async listDue(now: Date, limit = 50): Promise<Delivery[]> {
    const at = now.toISOString();
    const rows = await this.db
      .selectFrom('delivery_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'retrying'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'claimed'), eb('claimed_until', '<', at)]),
        ]),
      )
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /** Takes over a due delivery; true only for the one replica whose update matched. */
  async reclaim(delivery: Delivery, owner: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable('delivery_log')
      .set({ status: 'claimed', claimed_by: owner, claimed_until: leaseUntil.toISOString(), attempts: sql`attempts + 1` })
      .where('id', '=', delivery.id)
      .where('attempts', '=', delivery.attempts)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'retrying'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'claimed'), eb('claimed_until', '<', at)]),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markSent(id: number, owner: string, at: Date, messageId?: string): Promise<void> {
    await this.db
      .updateTable('delivery_log')
      .set({ status: 'sent', sent_at: at.toISOString(), message_id: messageId ?? null, error: null, claimed_until: null, next_attempt_at: null })
      .where('id', '=', id)
      .where('claimed_by', '=', owner)
      .execute();
  }

  async markRetry(id: number, owner: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.db
      .updateTable('delivery_log')
      .set({ status: 'retrying', error: clip(error), next_attempt_at: nextAttemptAt.toISOString(), claimed_until: null })
      .where('id', '=', id)
      .where('claimed_by', '=', owner)
      .execute();
  }

  async markFinal(id: number, owner: string, status: 'failed' | 'channel_unavailable', error: string): Promise<void> {
    await this.db
      .updateTable('delivery_log')
      .set({ status, error: clip(error), claimed_until: null, next_attempt_at: null })
      .where('id', '=', id)
      .where('claimed_by', '=', owner)
      .execute();
  }

  async get(id: number): Promise<Delivery | undefined> {
    const row = await this.db.selectFrom('delivery_log').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDelivery(row) : undefined;
  }

  /** The library tip most recently sent (or being sent) to a channel: the rotation's position. */
  async lastTipFor(channel: ChannelRef): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('delivery_log')
      .select('nudge_id')
      .where('platform', '=', channel.platform)
      .where('channel_id', '=', channel.channelId)
      .where('nudge_id', '!=', 'custom')
      .where('status', 'in', ['sent', 'claimed', 'retrying'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.nudge_id;
  }

  /** The audit trail of one schedule, or of a platform, newest first. */
  async recent(filter: { platform?: ChatPlatform; scheduleId?: number }, limit = 20): Promise<Delivery[]> {
    let query = this.db.selectFrom('delivery_log').selectAll();
    if (filter.platform) query = query.where('platform', '=', filter.platform);
    if (filter.scheduleId !== undefined) query = query.where('schedule_id', '=', filter.scheduleId);
    const rows = await query.orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toDelivery);
  }
}
