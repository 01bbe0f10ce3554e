/**
 * Where a draft can go, from its flags: the narrowest audience any flag allows
 * (everyone > personal > nobody), and the verdict that follows (ok, caution,
 * risky). A flag's audience comes from its rule (see docs/rules.md for the
 * mapping per category).
 */
import type { Audience, Flag, Verdict } from '../core/types.ts';

const RANK: Record<Audience, number> = { everyone: 2, personal: 1, nobody: 0 };
const VERDICT: Record<Audience, Verdict> = { everyone: 'ok', personal: 'caution', nobody: 'risky' };
const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

export function audienceOf(flags: readonly Flag[]): Audience {
  let audience: Audience = 'everyone';
  for (const flag of flags) if (RANK[flag.audience] < RANK[audience]) audience = flag.audience;
  return audience;
}

export function verdictOf(audience: Audience): Verdict {
  return VERDICT[audience];
}

/** Most serious first: narrowest audience, then severity, then position. */
export function compareFlags(a: Flag, b: Flag): number {
  return RANK[a.audience] - RANK[b.audience] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start;
}
