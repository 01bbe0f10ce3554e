/** What we log about an error: its kind and codes, never a message that could quote a draft. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: typeof error };
  const record = error as Error & { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; retryAfter?: unknown; original?: unknown };
  const out: Record<string, unknown> = { name: error.name };
  if (typeof record.code === 'string') out.code = record.code;
  if (typeof record.data?.error === 'string') out.slackError = record.data.error;
  if (typeof record.statusCode === 'number') out.status = record.statusCode;
  if (typeof record.retryAfter === 'number') out.retryAfter = record.retryAfter;
  return out;
}
