// PROVISIONAL: owned by the draft-review work (issue 3), which replaces it.
import type { OrgProfile } from '../core/ports.ts';
import type { ReviewResult, SocialPlatform, StrategyId } from '../core/types.ts';
import type { RuleBook } from './rule-types.ts';

export interface ReviewOptions {
  rules: RuleBook;
  policy?: OrgProfile;
  strategy?: StrategyId;
  platform?: SocialPlatform;
  ignoredTerms?: readonly string[];
}

export function reviewDraft(_text: string, _options: ReviewOptions): ReviewResult {
  return { verdict: 'ok', audience: 'everyone', flags: [], advice: [] };
}
