/** Reports that a flag was wrong: category and rule id; the words only when the person agreed to share them. */
import type { Kysely } from 'kysely';
import type { ChatPlatform, RiskCategory } from '../core/types.ts';
import type { Database } from './schema.ts';

export interface FalsePositiveReport {
  platform: ChatPlatform;
  category: RiskCategory;
  ruleId: string;
  words?: string;
  at: Date;
}

export interface FalsePositiveCount {
  category: string;
  ruleId: string;
  reports: number;
}

/** Shared words are capped: a report is about a flagged phrase, never a whole draft. */
export const MAX_SHARED_WORDS_LENGTH = 200;

export class FalsePositivesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(report: FalsePositiveReport): Promise<void> {
    const words = report.words?.slice(0, MAX_SHARED_WORDS_LENGTH);
    await this.db
      .insertInto('false_positives')
      .values({
        platform: report.platform,
        category: report.category,
        rule_id: report.ruleId.slice(0, 100),
        words: words ?? null,
        reported_at: report.at.toISOString(),
      })
      .execute();
  }

  /** Reports per rule since `since`, most reported first. */
  async countsSince(since: Date): Promise<FalsePositiveCount[]> {
    const rows = await this.db
      .selectFrom('false_positives')
      .select(['category', 'rule_id'])
      .select((eb) => eb.fn.countAll<string | number>().as('reports'))
      .where('reported_at', '>=', since.toISOString())
      .groupBy(['category', 'rule_id'])
      .orderBy('reports', 'desc')
      .orderBy('rule_id')
      .execute();
    return rows.map((row) => ({ category: row.category, ruleId: row.rule_id, reports: Number(row.reports) }));
  }
}
