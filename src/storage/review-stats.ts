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

export class ReviewStatsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(stat: ReviewStat): Promise<void> {
    const week = weekOf(stat.at);
    const rows: Array<{ dimension: string; value: string }> = [
      { dimension: 'reviews', value: '' },
      { dimension: 'verdict', value: stat.verdict },
      { dimension: 'audience', value: stat.audience },
      ...[...new Set(stat.categories)].map((category) => ({ dimension: 'category', value: category })),
    ];
    // One statement: atomic on both engines, and no transaction held across awaits.
    await this.db
      .insertInto('review_stats')
      .values(rows.map((row) => ({ week, platform: stat.platform, dimension: row.dimension, value: row.value, count: 1 })))
      .onConflict((oc) => oc.columns(['week', 'platform', 'dimension', 'value']).doUpdateSet({ count: sql`review_stats.count + 1` }))
      .execute();
  }

  /** Weeks from `since` (inclusive, any day of the week) on, newest first, all platforms summed. */
  async weeks(since: Date): Promise<WeekStats[]> {
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
