/** `PrefsStore` (src/core/ports.ts) over the database. */
import type { Kysely } from 'kysely';
import type { PrefsStore, UserKey, UserPrefs } from '../core/ports.ts';
import { SOCIAL_PLATFORMS, STRATEGIES, type SocialPlatform, type StrategyId } from '../core/types.ts';
import { FalsePositivesRepository, type FalsePositiveReport } from './false-positives.ts';
import { ReviewStatsRepository, type ReviewStat } from './review-stats.ts';
import type { Database } from './schema.ts';

/** A person may ignore at most this many words; the oldest go first. */
export const MAX_IGNORED_TERMS = 200;

function parseList<T extends string>(json: string, allowed?: readonly T[]): T[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter((item): item is T => typeof item === 'string' && (!allowed || (allowed as readonly string[]).includes(item)));
  } catch {
    return [];
  }
}

export class SqlPrefsStore implements PrefsStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly stats = new ReviewStatsRepository(db),
    private readonly falsePositives = new FalsePositivesRepository(db),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async getPrefs(user: UserKey): Promise<UserPrefs> {
    const row = await this.db
      .selectFrom('user_prefs')
      .selectAll()
      .where('platform', '=', user.platform)
      .where('user_id', '=', user.userId)
      .executeTakeFirst();
    if (!row) return { platforms: [], ignoredTerms: [] };
    const prefs: UserPrefs = {
      platforms: parseList<SocialPlatform>(row.platforms, SOCIAL_PLATFORMS),
      ignoredTerms: parseList<string>(row.ignored_terms),
    };
    if (row.strategy && (STRATEGIES as readonly string[]).includes(row.strategy)) prefs.strategy = row.strategy as StrategyId;
    return prefs;
  }

  private async upsert(user: UserKey, change: Partial<{ strategy: string; platforms: string; ignored_terms: string }>): Promise<void> {
    const now = this.clock().toISOString();
    await this.db
      .insertInto('user_prefs')
      .values({ platform: user.platform, user_id: user.userId, strategy: null, platforms: '[]', ignored_terms: '[]', ...change, updated_at: now })
      .onConflict((oc) => oc.columns(['platform', 'user_id']).doUpdateSet({ ...change, updated_at: now }))
      .execute();
  }

  async setStrategy(user: UserKey, strategy: StrategyId): Promise<void> {
    await this.upsert(user, { strategy });
  }

  async setPlatforms(user: UserKey, platforms: SocialPlatform[]): Promise<void> {
    await this.upsert(user, { platforms: JSON.stringify([...new Set(platforms)]) });
  }

  async addIgnoredTerm(user: UserKey, term: string): Promise<void> {
    const clean = term.trim().toLowerCase().slice(0, 200);
    if (clean === '') return;
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('user_prefs')
        .select('ignored_terms')
        .where('platform', '=', user.platform)
        .where('user_id', '=', user.userId)
        .executeTakeFirst();
      const terms = parseList<string>(row?.ignored_terms ?? '[]').filter((existing) => existing !== clean);
      terms.push(clean);
      const ignored = JSON.stringify(terms.slice(-MAX_IGNORED_TERMS));
      const now = this.clock().toISOString();
      await trx
        .insertInto('user_prefs')
        .values({ platform: user.platform, user_id: user.userId, strategy: null, platforms: '[]', ignored_terms: ignored, updated_at: now })
        .onConflict((oc) => oc.columns(['platform', 'user_id']).doUpdateSet({ ignored_terms: ignored, updated_at: now }))
        .execute();
    });
  }

  async recordReview(stat: ReviewStat): Promise<void> {
    await this.stats.record(stat);
  }

  async recordFalsePositive(report: FalsePositiveReport): Promise<void> {
    await this.falsePositives.record(report);
  }
}
