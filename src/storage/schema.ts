/**
 * The database tables, as Kysely types. Timestamps are ISO-8601 UTC strings
 * (`2026-11-24T09:00:00.000Z`) in both SQLite and PostgreSQL: they sort as text
 * and read back identically on both engines.
 *
 * Nothing here holds the text of a draft. The only free text stored is what a
 * manager chose to publish as a nudge, and words of a false-positive report
 * the person explicitly agreed to share.
 */
import type { Generated } from 'kysely';

export interface UserPrefsTable {
  platform: string;
  user_id: string;
  strategy: string | null;
  /** JSON array of social platform ids. */
  platforms: string;
  /** JSON array of lower-cased terms. */
  ignored_terms: string;
  updated_at: string;
}

export interface ConversationRefsTable {
  platform: string;
  conversation_id: string;
  /** '' when unknown, so the primary key stays simple on both engines. */
  team_id: string;
  name: string | null;
  kind: string;
  /** The platform's reference, JSON. */
  reference: string;
  updated_at: string;
}

export interface NudgeSchedulesTable {
  id: Generated<number>;
  platform: string;
  channel_id: string;
  team_id: string | null;
  channel_name: string | null;
  created_by: string;
  /** The original rule as the manager wrote it: `weekly mon,wed 09:00` or `cron 0 9 * * 1`. */
  rule_label: string;
  cron: string;
  time_zone: string;
  /** 'tip' | 'topic' | 'next' | 'text'. */
  content_kind: string;
  /** Tip id, topic id, '' for next, or the manager's own text. */
  content_value: string;
  /** JSON ChannelRef where problems are reported to the manager, or null. */
  report_to: string | null;
  /** 'active' | 'cancelled' | 'channel_unavailable' | 'failing'. */
  status: string;
  status_reason: string | null;
  created_at: string;
  /** Occurrences strictly after this instant are due. */
  starts_after: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
}

export interface DeliveryLogTable {
  id: Generated<number>;
  /** Unique: `schedule:<id>@<occurrence ISO>` or `now:<random>`. The claim of an occurrence. */
  occurrence_key: string;
  schedule_id: number | null;
  occurrence_at: string;
  platform: string;
  channel_id: string;
  team_id: string | null;
  requested_by: string;
  /** Tip id, or 'custom' for a manager's own text. */
  nudge_id: string;
  /** 'claimed' | 'sent' | 'retrying' | 'failed' | 'channel_unavailable' | 'skipped'. */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
  message_id: string | null;
  error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** Anonymous weekly counts: no user id, no text. */
export interface ReviewStatsTable {
  /** Monday of the ISO week, `YYYY-MM-DD` (UTC). */
  week: string;
  platform: string;
  /** 'reviews' | 'verdict' | 'audience' | 'category'. */
  dimension: string;
  /** The verdict, audience or category; '' for the 'reviews' total. */
  value: string;
  count: number;
}

export interface FalsePositivesTable {
  id: Generated<number>;
  platform: string;
  category: string;
  rule_id: string;
  /** Only when the person agreed to share them. */
  words: string | null;
  reported_at: string;
}

export interface Database {
  user_prefs: UserPrefsTable;
  conversation_refs: ConversationRefsTable;
  nudge_schedules: NudgeSchedulesTable;
  delivery_log: DeliveryLogTable;
  review_stats: ReviewStatsTable;
  false_positives: FalsePositivesTable;
  handled_events: HandledEventsTable;
}

/** Delivery ids of platform events already handled (Slack's event_id), kept for an hour. */
export interface HandledEventsTable {
  event_key: string;
  handled_at: string;
}
