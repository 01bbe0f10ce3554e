import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { MAX_TEXT_LENGTH } from '../core/create-core.ts';

export type JsonId = string | number | null;

/** One input line, checked: either a text to process or the error to report for it. */
export type BatchItem = { ok: true; id: JsonId; text: string } | { ok: false; id: JsonId; error: string };

/** Checks one `{"id","text"}` line. Never throws. */
export function parseBatchLine(line: string, lineNumber: number): BatchItem {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return { ok: false, id: null, error: `line ${lineNumber}: not valid JSON; expected {"id": ..., "text": "..."}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, id: null, error: `line ${lineNumber}: expected a JSON object {"id": ..., "text": "..."}` };
  }
  const record = data as Record<string, unknown>;
  const id: JsonId = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : null;
  if (typeof record.text !== 'string') return { ok: false, id, error: 'missing "text" (a string)' };
  if (record.text.trim() === '') return { ok: false, id, error: '"text" is empty' };
  if (record.text.length > MAX_TEXT_LENGTH) {
    return { ok: false, id, error: `"text" is too long (${record.text.length} characters; the limit is ${MAX_TEXT_LENGTH})` };
  }
  return { ok: true, id, text: record.text };
}

/**
 * Reads JSON lines from `input`, answers each with one JSON line on `output`, in
 * order. A bad line gets `{"id","error"}` and the batch goes on; blank lines are skipped.
 */
export async function runBatch(
  input: Readable,
  output: Writable,
  handle: (id: JsonId, text: string) => Promise<Record<string, unknown>>,
): Promise<{ processed: number; failed: number }> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let processed = 0;
  let failed = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const item = parseBatchLine(line, lineNumber);
    let result: Record<string, unknown>;
    if (!item.ok) {
      result = { id: item.id, error: item.error };
      failed++;
    } else {
      try {
        result = { id: item.id, ...(await handle(item.id, item.text)) };
        processed++;
      } catch (error) {
        result = { id: item.id, error: `could not process this line (${(error as Error).message})` };
        failed++;
      }
    }
    output.write(`${JSON.stringify(result)}\n`);
  }
  return { processed, failed };
}
