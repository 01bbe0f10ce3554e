/**
 * A safer starting point: the draft with each flagged passage replaced by its
 * rule's replacement ('' removes a swear word, "(DM me for my number)" stands in
 * for a phone number). Offered only when every flag has such a replacement: a
 * draft whose point is the complaint or the leak needs rewriting by its author,
 * not redacting, and the per-flag suggestions say how. Only for drafts short
 * enough to echo back comfortably.
 */
import type { Flag } from '../core/types.ts';

export const MAX_REWRITE_LENGTH = 1200;

export function saferRewrite(text: string, flags: readonly Flag[], replacements: ReadonlyMap<Flag, string | undefined>): string | undefined {
  if (flags.length === 0 || text.length > MAX_REWRITE_LENGTH) return undefined;
  for (const flag of flags) {
    const replacement = replacements.get(flag);
    if (replacement === undefined || replacement.includes('…')) return undefined;
  }
  const ordered = [...flags].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const flag of ordered) {
    if (flag.start < cursor) continue;
    out += text.slice(cursor, flag.start);
    out += replacements.get(flag) ?? '';
    cursor = flag.end;
  }
  out += text.slice(cursor);
  const tidy = out
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.!?;:])/g, '$1')
    .trim();
  return tidy === text.trim() ? undefined : tidy;
}
