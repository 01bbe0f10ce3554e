/** What a nudge looks like in a channel: a neutral `Reply` of kind 'nudge'. */
import { makeReply } from '../core/replies.ts';
import type { Reply } from '../core/types.ts';
import type { Nudge } from './nudge-types.ts';

export const ASK_MORE_LABEL = 'Ask social-check more';

export function tipReply(nudge: Nudge): Reply {
  return makeReply(
    'nudge',
    [
      { type: 'heading', text: nudge.title },
      { type: 'paragraph', text: nudge.text },
      { type: 'choices', choices: [{ label: ASK_MORE_LABEL, action: { id: 'topic', value: nudge.topic } }] },
    ],
    { topic: nudge.topic },
  );
}

/** A manager's own words, already reviewed. */
export function ownTextReply(text: string): Reply {
  return makeReply('nudge', [
    { type: 'paragraph', text },
    { type: 'choices', choices: [{ label: ASK_MORE_LABEL, action: { id: 'help', value: '' } }] },
  ]);
}
