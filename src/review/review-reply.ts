/**
 * The neutral reply for a review: a verdict with its audience, one `flag` part
 * per finding (with "this is fine, ignore it" and "report a false positive"
 * buttons), advice for the person's strategy and platform, a safer starting
 * point, and the privacy note. Adapters render the parts; `text` is the plain
 * fallback and the CLI's output.
 */
import { partsToPlainText } from '../core/plain-text.ts';
import { PRIVACY_NOTE } from '../core/replies.ts';
import type { Choice, Flag, Part, Reply, ReviewResult, SocialPlatform, StrategyId } from '../core/types.ts';

const PLATFORM_NAMES: Record<SocialPlatform, string> = {
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  tiktok: 'TikTok',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summaryOf(result: ReviewResult, platform: SocialPlatform | undefined): string {
  const where = platform ? ` on ${PLATFORM_NAMES[platform]}` : '';
  const count = result.flags.length;
  switch (result.verdict) {
    case 'ok':
      return `Nothing here is likely to hurt you with an employer or a hiring manager: fine to share with everyone${where}.`;
    case 'caution':
      return `${plural(count, 'thing')} to consider: fine for a personal circle (close friends, a private list), not for your professional network${where}.`;
    case 'risky':
      return `${plural(count, 'thing')} could cost you at work or in a job search: better not to post this anywhere as it is.`;
  }
}

function flagActions(flag: Flag): Choice[] {
  const value = JSON.stringify({ category: flag.category, ruleId: flag.ruleId, term: flag.words.slice(0, 200) });
  return [
    { label: 'This is fine, ignore it', action: { id: 'ignore-term', value } },
    { label: 'Report a false positive', action: { id: 'report-false-positive', value } },
  ];
}

export function reviewToReply(result: ReviewResult, context: { strategy?: StrategyId; platform?: SocialPlatform } = {}): Reply {
  const parts: Part[] = [{ type: 'verdict', verdict: result.verdict, audience: result.audience, summary: summaryOf(result, context.platform) }];
  if (result.flags.length > 0) {
    parts.push({ type: 'heading', text: 'What I noticed' });
    for (const flag of result.flags) parts.push({ type: 'flag', flag, actions: flagActions(flag) });
  }
  if (result.advice.length > 0) {
    parts.push({ type: 'heading', text: 'Where it can go' });
    parts.push({ type: 'bullets', items: result.advice });
  }
  if (result.rewrite) {
    parts.push({ type: 'paragraph', text: 'A safer starting point, with the flagged words taken out:' });
    parts.push({ type: 'quote', text: result.rewrite });
  }
  if (!context.strategy && result.verdict !== 'ok') {
    parts.push({ type: 'choices', label: 'Advice fits better when I know how you post:', choices: [{ label: 'Take the strategy quiz', action: { id: 'quiz', value: '' } }] });
  }
  parts.push({ type: 'note', text: `${PRIVACY_NOTE} Flags are hints, not judgements: you know your workplace best.` });
  return { kind: 'review', parts, text: partsToPlainText(parts), meta: { review: result } };
}
