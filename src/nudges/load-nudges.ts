// PROVISIONAL: owned by the server/storage/nudges work (issue 4), which replaces it.
import type { ContentProblems } from '../content/validate.ts';
import type { Nudge } from './nudge-types.ts';

export function loadNudges(_dir: string, _problems: ContentProblems): Nudge[] {
  return [];
}
