import type { TopicId } from '../content/topics.ts';

/** One tip of the nudge library (content/nudges/*.yaml). */
export interface Nudge {
  /** Unique, kebab-case: managers send a tip by id. */
  id: string;
  /** The knowledge-base topic the "Ask social-check more" button opens. */
  topic: TopicId;
  title: string;
  text: string;
  /** Where it came from, for error messages. */
  file: string;
}

/** The longest tip text the library accepts: a nudge is a short tip, not an article. */
export const MAX_NUDGE_TEXT = 400;
