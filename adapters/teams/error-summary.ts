/**
 * What may be logged about an error: its kind and where it happened, never its
 * message (a JSON or validation message can quote the text it choked on).
 */
/** A stack frame as V8 prints it: `at fn (file:line:col)`, `at file:line:col`, `at fn (native)`. */
const FRAME = /^at .*(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)$/;

/**
 * The stack without its first lines, which repeat the message (possibly over
 * several lines): the part after the message, and of that only lines shaped like frames.
 */
function stackFrames(error: Error): string[] {
  const stack = error.stack ?? '';
  const header = error.message ? `${error.name}: ${error.message}` : error.name;
  const frames = stack.startsWith(header) ? stack.slice(header.length) : '';
  return frames
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => FRAME.test(line))
    .slice(0, 5);
}

export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const extra = error as Error & { code?: unknown; statusCode?: unknown };
  return {
    name: error.name,
    ...(typeof extra.code === 'string' ? { code: extra.code } : {}),
    ...(typeof extra.statusCode === 'number' ? { statusCode: extra.statusCode } : {}),
    stack: stackFrames(error),
  };
}
