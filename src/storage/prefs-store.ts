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

/** How long a person's preferences are served from memory (every review reads them). */
export const PREFS_CACHE_MS = 15_000;
const PREFS_CACHE_SIZE = 5_000;

export class SqlPrefsStore implements PrefsStore {
  /** Reads are cached briefly; this process's writes invalidate at once, another replica's within PREFS_CACHE_MS. */
  private readonly cache = new Map<string, { prefs: UserPrefs; until: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly stats = new ReviewStatsRepository(db),
    private readonly falsePositives = new FalsePositivesRepository(db),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async getPrefs(user: UserKey): Promise<UserPrefs> {
    const key = `${user.platform}\u0000${user.userId}`;
    const now = this.clock().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return { ...cached.prefs, platforms: [...cached.prefs.platforms], ignoredTerms: [...cached.prefs.ignoredTerms] };
    const prefs = await this.readPrefs(user);
    if (this.cache.size >= PREFS_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { prefs, until: now + PREFS_CACHE_MS });
    return { ...prefs, platforms: [...prefs.platforms], ignoredTerms: [...prefs.ignoredTerms] };
  }

  private invalidate(user: UserKey): void {
    this.cache.delete(`${user.platform}\u0000${user.userId}`);
  }

  private async readPrefs(user: UserKey): Promise<UserPrefs> {
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
    this.invalidate(user);
    const now = this.clock().toISOString();
    await this.db
      .insertInto('user_prefs')
      .values({ platform: user.platform, user_id: user.userId, strategy: null, platforms: '[]', ignored_terms: '[]', ...change, updated_at: now })
      .onConflict((oc) => oc.columns(['platform', 'user_id']).doUpdateSet({ ...change, updated_at: now }))
      .execute();
    this.invalidate(user); // a read that raced the write may have cached the old row
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
    this.invalidate(user);
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
    this.invalidate(user); // a read that raced the write may have cached the old row
  }

  async recordReview(stat: ReviewStat): Promise<void> {
    await this.stats.record(stat);
  }

  async recordFalsePositive(report: FalsePositiveReport): Promise<void> {
    await this.falsePositives.record(report);
  }
}
