/** Nudge schedules: what a manager asked to send where, and on which rule. */
import type { Kysely, Selectable } from 'kysely';
import type { ChannelRef } from '../core/ports.ts';
import type { ChatPlatform } from '../core/types.ts';
import type { Database, NudgeSchedulesTable } from './schema.ts';
import { channelFromRow } from './channel-column.ts';

export type NudgeContentKind = 'tip' | 'topic' | 'next' | 'text';
export type ScheduleStatus = 'active' | 'cancelled' | 'channel_unavailable' | 'failing';

export interface NudgeSchedule {
  id: number;
  channel: ChannelRef;
  channelName?: string;
  createdBy: string;
  ruleLabel: string;
  cron: string;
  timeZone: string;
  content: { kind: NudgeContentKind; value: string };
  reportTo?: ChannelRef;
  status: ScheduleStatus;
  statusReason?: string;
  createdAt: Date;
  startsAfter: Date;
  cancelledAt?: Date;
  cancelledBy?: string;
}

export type NewSchedule = Omit<NudgeSchedule, 'id' | 'status' | 'statusReason' | 'startsAfter' | 'cancelledAt' | 'cancelledBy'>;

function toSchedule(row: Selectable<NudgeSchedulesTable>): NudgeSchedule {
  const channel = channelFromRow(row);
  const schedule: NudgeSchedule = {
    id: Number(row.id),
    channel,
    createdBy: row.created_by,
    ruleLabel: row.rule_label,
    cron: row.cron,
    timeZone: row.time_zone,
    content: { kind: row.content_kind as NudgeContentKind, value: row.content_value },
    status: row.status as ScheduleStatus,
    createdAt: new Date(row.created_at),
    startsAfter: new Date(row.starts_after),
  };
  if (row.channel_name) schedule.channelName = row.channel_name;
  if (row.report_to) schedule.reportTo = JSON.parse(row.report_to) as ChannelRef;
  if (row.status_reason) schedule.statusReason = row.status_reason;
  if (row.cancelled_at) schedule.cancelledAt = new Date(row.cancelled_at);
  if (row.cancelled_by) schedule.cancelledBy = row.cancelled_by;
  return schedule;
}

export class ScheduleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: NewSchedule): Promise<NudgeSchedule> {
    const row = await this.db
      .insertInto('nudge_schedules')
      .values({
        platform: input.channel.platform,
        channel_id: input.channel.channelId,
        team_id: input.channel.teamId ?? null,
        channel_name: input.channelName ?? null,
        created_by: input.createdBy,
        rule_label: input.ruleLabel,
        cron: input.cron,
        time_zone: input.timeZone,
        content_kind: input.content.kind,
        content_value: input.content.value,
        report_to: input.reportTo ? JSON.stringify(input.reportTo) : null,
        status: 'active',
        status_reason: null,
        created_at: input.createdAt.toISOString(),
        starts_after: input.createdAt.toISOString(),
        cancelled_at: null,
        cancelled_by: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSchedule(row);
  }

  async get(id: number): Promise<NudgeSchedule | undefined> {
    const row = await this.db.selectFrom('nudge_schedules').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSchedule(row) : undefined;
  }

  /** Schedules the scheduler runs: active ones, and failing ones still being retried. */
  async listRunnable(): Promise<NudgeSchedule[]> {
    const rows = await this.db.selectFrom('nudge_schedules').selectAll().where('status', 'in', ['active', 'failing']).orderBy('id').execute();
    return rows.map(toSchedule);
  }

  /** Schedules a manager sees in `nudge list`: everything not cancelled, on one platform. */
  async listVisible(platform: ChatPlatform): Promise<NudgeSchedule[]> {
    const rows = await this.db
      .selectFrom('nudge_schedules')
      .selectAll()
      .where('platform', '=', platform)
      .where('status', '!=', 'cancelled')
      .orderBy('id')
      .execute();
    return rows.map(toSchedule);
  }

  /** Cancels an active or stopped schedule; false when it does not exist or was already cancelled. */
  async cancel(id: number, by: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('nudge_schedules')
      .set({ status: 'cancelled', cancelled_at: at.toISOString(), cancelled_by: by })
      .where('id', '=', id)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Turns a paused schedule back on. Occurrences before `at` are not sent: the
   * schedule resumes with its next occurrence. False when there is nothing to resume.
   */
  async resume(id: number, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('nudge_schedules')
      .set({ status: 'active', status_reason: null, starts_after: at.toISOString() })
      .where('id', '=', id)
      .where('status', 'in', ['channel_unavailable', 'failing'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Changes the status unless the schedule was cancelled meanwhile. Returns true
   * when this call made the change (so only one replica reports it).
   */
  async setStatus(id: number, status: ScheduleStatus, reason: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('nudge_schedules')
      .set({ status, status_reason: reason })
      .where('id', '=', id)
      .where('status', 'not in', ['cancelled', status])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
