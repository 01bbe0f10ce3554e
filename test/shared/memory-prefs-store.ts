/** A real in-memory PrefsStore for tests: same contract as src/storage, kept in maps. */
import type { PrefsStore, UserKey, UserPrefs } from '../../src/core/ports.ts';
import type { Audience, ChatPlatform, RiskCategory, SocialPlatform, StrategyId, Verdict } from '../../src/core/types.ts';

export class MemoryPrefsStore implements PrefsStore {
  readonly prefs = new Map<string, UserPrefs>();
  readonly reviews: Array<{ platform: ChatPlatform; categories: RiskCategory[]; verdict: Verdict; audience: Audience; at: Date }> = [];
  readonly falsePositives: Array<{ platform: ChatPlatform; category: RiskCategory; ruleId: string; words?: string; at: Date }> = [];

  #key(user: UserKey): string {
    return `${user.platform}:${user.userId}`;
  }

  #get(user: UserKey): UserPrefs {
    const found = this.prefs.get(this.#key(user));
    return found ? { ...found, platforms: [...found.platforms], ignoredTerms: [...found.ignoredTerms] } : { platforms: [], ignoredTerms: [] };
  }

  async getPrefs(user: UserKey): Promise<UserPrefs> {
    return this.#get(user);
  }

  async setStrategy(user: UserKey, strategy: StrategyId): Promise<void> {
    this.prefs.set(this.#key(user), { ...this.#get(user), strategy });
  }

  async setPlatforms(user: UserKey, platforms: SocialPlatform[]): Promise<void> {
    this.prefs.set(this.#key(user), { ...this.#get(user), platforms: [...new Set(platforms)] });
  }

  async addIgnoredTerm(user: UserKey, term: string): Promise<void> {
    const prefs = this.#get(user);
    const lower = term.toLowerCase();
    if (!prefs.ignoredTerms.includes(lower)) prefs.ignoredTerms.push(lower);
    this.prefs.set(this.#key(user), prefs);
  }

  async recordReview(stat: { platform: ChatPlatform; categories: RiskCategory[]; verdict: Verdict; audience: Audience; at: Date }): Promise<void> {
    this.reviews.push(stat);
  }

  async recordFalsePositive(report: { platform: ChatPlatform; category: RiskCategory; ruleId: string; words?: string; at: Date }): Promise<void> {
    this.falsePositives.push(report);
  }
}
