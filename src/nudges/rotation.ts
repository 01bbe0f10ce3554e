/** Which library tip goes out: by id, by topic, or the next in a channel's rotation. */
import type { Nudge } from './nudge-types.ts';

/** The tip after `lastId` in library order (wrapping), optionally only tips of one topic. */
export function nextTip(library: readonly Nudge[], lastId: string | undefined, topic?: string): Nudge | undefined {
  const pool = topic ? library.filter((nudge) => nudge.topic === topic) : library;
  if (pool.length === 0) return undefined;
  if (lastId === undefined) return pool[0];
  const lastIndex = library.findIndex((nudge) => nudge.id === lastId);
  if (lastIndex === -1) return pool[0];
  // The first tip of the pool that comes after the last one sent, in library order.
  return pool.find((nudge) => library.indexOf(nudge) > lastIndex) ?? pool[0];
}

export function tipById(library: readonly Nudge[], id: string): Nudge | undefined {
  return library.find((nudge) => nudge.id === id);
}
