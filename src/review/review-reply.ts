// PROVISIONAL: owned by the draft-review work (issue 3), which replaces it.
import { partsToPlainText } from '../core/plain-text.ts';
import type { Part, Reply, ReviewResult, SocialPlatform, StrategyId } from '../core/types.ts';

export function reviewToReply(result: ReviewResult, _context: { strategy?: StrategyId; platform?: SocialPlatform } = {}): Reply {
  const parts: Part[] = [{ type: 'verdict', verdict: result.verdict, audience: result.audience, summary: '' }];
  return { kind: 'review', parts, text: partsToPlainText(parts), meta: { review: result } };
}
