import type { PrefsStore, UserKey, UserPrefs } from '../../src/core/ports.ts';
import type { Audience, ChatPlatform, RiskCategory, SocialPlatform, StrategyId, Verdict } from '../../src/core/types.ts';

/** An in-memory PrefsStore with the same behaviour as the database one, for core and adapter tests. */
export class MemoryPrefsStore implements PrefsStore {
  readonly prefs = new Map<string, UserPrefs>();
  readonly reviews: Array<{ platform: ChatPlatform; categories: RiskCategory[]; verdict: Verdict; audience: Audience; at: Date }> = [];
  readonly falsePositives: Array<{ platform: ChatPlatform; category: RiskCategory; ruleId: string; words?: string; at: Date }> = [];

  private key(user: UserKey): string {
    return `${user.platform}:${user.userId}`;
  }

  async getPrefs(user: UserKey): Promise<UserPrefs> {
    const found = this.prefs.get(this.key(user));
    return found ? { ...found, platforms: [...found.platforms], ignoredTerms: [...found.ignoredTerms] } : { platforms: [], ignoredTerms: [] };
  }

  private async update(user: UserKey, change: (prefs: UserPrefs) => void): Promise<void> {
    const prefs = await this.getPrefs(user);
    change(prefs);
    this.prefs.set(this.key(user), prefs);
  }

  setStrategy(user: UserKey, strategy: StrategyId): Promise<void> {
    return this.update(user, (prefs) => {
      prefs.strategy = strategy;
    });
  }

  setPlatforms(user: UserKey, platforms: SocialPlatform[]): Promise<void> {
    return this.update(user, (prefs) => {
      prefs.platforms = [...platforms];
    });
  }

  addIgnoredTerm(user: UserKey, term: string): Promise<void> {
    return this.update(user, (prefs) => {
      if (!prefs.ignoredTerms.includes(term)) prefs.ignoredTerms.push(term);
    });
  }

  async recordReview(stat: MemoryPrefsStore['reviews'][number]): Promise<void> {
    this.reviews.push(stat);
  }

  async recordFalsePositive(report: MemoryPrefsStore['falsePositives'][number]): Promise<void> {
    this.falsePositives.push(report);
  }
}
