/**
 * Anonymous weekly counts of reviews: how many, which verdicts, audiences and
 * categories. No user id and no text ever reach this table.
 */
import { sql, type Kysely } from 'kysely';
import type { Audience, ChatPlatform, RiskCategory, Verdict } from '../core/types.ts';
import type { Database } from './schema.ts';

/** Monday of the ISO week of `at`, in UTC, as `YYYY-MM-DD`. */
export function weekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  day.setUTCDate(day.getUTCDate() - weekday);
  return day.toISOString().slice(0, 10);
}

export interface ReviewStat {
  platform: ChatPlatform;
  categories: RiskCategory[];
  verdict: Verdict;
  audience: Audience;
  at: Date;
}

export interface WeekStats {
  week: string;
  reviews: number;
  verdicts: Partial<Record<Verdict, number>>;
  audiences: Partial<Record<Audience, number>>;
  categories: Partial<Record<RiskCategory, number>>;
}

/** How often buffered counts are written, at most. */
export const STATS_FLUSH_MS = 5_000;

/**
 * Counts are added up in memory and written in one statement every few seconds
 * (and before every read and at shutdown), so a review's reply never waits on a
 * database write. A crash loses at most the last few seconds of anonymous counts.
 */
export class ReviewStatsRepository {
  private pending = new Map<string, { week: string; platform: ChatPlatform; dimension: string; value: string; count: number }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>) {}

  async record(stat: ReviewStat): Promise<void> {
    const week = weekOf(stat.at);
    const rows: Array<{ dimension: string; value: string }> = [
      { dimension: 'reviews', value: '' },
      { dimension: 'verdict', value: stat.verdict },
      { dimension: 'audience', value: stat.audience },
      ...[...new Set(stat.categories)].map((category) => ({ dimension: 'category', value: category })),
    ];
    for (const row of rows) {
      const key = `${week}\u0000${stat.platform}\u0000${row.dimension}\u0000${row.value}`;
      const entry = this.pending.get(key);
      if (entry) entry.count++;
      else this.pending.set(key, { week, platform: stat.platform, dimension: row.dimension, value: row.value, count: 1 });
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => {
        // The counts stay pending and go out with the next flush.
      });
    }, STATS_FLUSH_MS).unref();
  }

  /** Writes the buffered counts: one statement, atomic on both engines. Safe to call concurrently. */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(async () => {
      if (this.pending.size === 0) return;
      const batch = [...this.pending.values()];
      this.pending = new Map();
      try {
        await this.db
          .insertInto('review_stats')
          .values(batch)
          .onConflict((oc) => oc.columns(['week', 'platform', 'dimension', 'value']).doUpdateSet({ count: sql`review_stats.count + excluded.count` }))
          .execute();
      } catch (error) {
        for (const row of batch) {
          const key = `${row.week}\u0000${row.platform}\u0000${row.dimension}\u0000${row.value}`;
          const entry = this.pending.get(key);
          if (entry) entry.count += row.count;
          else this.pending.set(key, row);
        }
        throw error;
      }
    });
    return this.flushing;
  }

  /** Flushes and stops the timer (at shutdown). */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Weeks from `since` (inclusive, any day of the week) on, newest first, all platforms summed. */
  async weeks(since: Date): Promise<WeekStats[]> {
    await this.flush();
    const rows = await this.db
      .selectFrom('review_stats')
      .select(['week', 'dimension', 'value'])
      .select((eb) => eb.fn.sum<string | number>('count').as('total'))
      .where('week', '>=', weekOf(since))
      .groupBy(['week', 'dimension', 'value'])
      .orderBy('week', 'desc')
      .execute();
    const byWeek = new Map<string, WeekStats>();
    for (const row of rows) {
      let entry = byWeek.get(row.week);
      if (!entry) {
        entry = { week: row.week, reviews: 0, verdicts: {}, audiences: {}, categories: {} };
        byWeek.set(row.week, entry);
      }
      const total = Number(row.total);
      if (row.dimension === 'reviews') entry.reviews = total;
      else if (row.dimension === 'verdict') entry.verdicts[row.value as Verdict] = total;
      else if (row.dimension === 'audience') entry.audiences[row.value as Audience] = total;
      else if (row.dimension === 'category') entry.categories[row.value as RiskCategory] = total;
    }
    return [...byWeek.values()];
  }
}
