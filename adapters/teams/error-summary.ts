/**
 * What may be logged about an error: its kind and where it happened, never its
 * message (a JSON or validation message can quote the text it choked on).
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const extra = error as Error & { code?: unknown; statusCode?: unknown };
  return {
    name: error.name,
    ...(typeof extra.code === 'string' ? { code: extra.code } : {}),
    ...(typeof extra.statusCode === 'number' ? { statusCode: extra.statusCode } : {}),
    stack: (error.stack ?? '').split('\n').slice(1, 6).map((line) => line.trim()),
  };
}
