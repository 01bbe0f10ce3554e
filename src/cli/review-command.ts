/**
 * `social-check review`: runs a draft through the core exactly as a private
 * chat would, and returns the readable terminal text (colour-free) and the
 * JSON object written by `review --jsonl`. The draft is never logged.
 */
import type { Core } from '../core/create-core.ts';
import type { Part, Reply, SocialPlatform, StrategyId } from '../core/types.ts';
import { partsToPlainText } from '../core/plain-text.ts';
import { MAX_TEXT_LENGTH } from '../core/create-core.ts';
import { SocialCheckError } from '../core/errors.ts';

export interface ReviewJson {
  verdict: string;
  audience: string;
  flags: Array<{ category: string; start: number; end: number; message: string }>;
}

/** Buttons make no sense in a terminal: the readable text leaves the choice rows out. */
function terminalParts(reply: Reply): Part[] {
  return reply.parts.filter((part) => part.type !== 'choices');
}

export async function reviewForCli(
  core: Core,
  text: string,
  options: { strategy?: StrategyId; platform?: SocialPlatform },
): Promise<{ human: string; json: ReviewJson }> {
  const reply = await core.handle({
    platform: 'cli',
    user: { id: 'cli' },
    conversation: { id: 'cli', kind: 'direct' },
    text,
    mode: 'review',
    private: true,
    strategy: options.strategy,
    socialPlatform: options.platform,
  });
  const review = reply.meta?.review;
  if (!review) {
    // The core refused the draft (empty, or longer than any network takes): report it as an error.
    throw new SocialCheckError(text.trim() === '' ? 'input_empty' : text.length > MAX_TEXT_LENGTH ? 'input_too_long' : 'input_invalid', reply.text);
  }
  return {
    human: partsToPlainText(terminalParts(reply)),
    json: {
      verdict: review.verdict,
      audience: review.audience,
      flags: review.flags.map((flag) => ({ category: flag.category, start: flag.start, end: flag.end, message: flag.message })),
    },
  };
}
