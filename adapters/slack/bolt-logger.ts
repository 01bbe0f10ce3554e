/**
 * Bolt's and the Web API client's logger, backed by ours. Their debug output
 * includes request bodies (drafts), so it is dropped; everything else is passed
 * on as a message with no payload and no quoted text.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

type Level = ReturnType<BoltLogger['getLevel']>;
import type { Logger } from '../../src/core/ports.ts';

/**
 * One line from Bolt's arguments. Everything from the first double quote to the
 * last is removed: a parse error's message quotes the request body it choked on
 * (`Unexpected token 'x', "{"my draft": …"... is not valid JSON`), and that quote
 * may hold quotes of its own, so fragment-by-fragment removal would let words
 * between them through.
 */
export function boltLine(parts: unknown[]): string {
  const text = parts
    .map((part) => (part instanceof Error ? `${part.name}: ${part.message}` : typeof part === 'string' ? part : ''))
    .filter(Boolean)
    .join(' ');
  const first = text.indexOf('"');
  const last = text.lastIndexOf('"');
  const kept = first < 0 ? text : `${text.slice(0, first)}"…"${last > first ? text.slice(last + 1) : ''}`;
  return kept.slice(0, 300);
}

export function toBoltLogger(logger: Logger): BoltLogger {
  let level: Level = LogLevel.INFO;
  return {
    debug: () => {},
    info: (...parts: unknown[]) => logger.info({ source: 'bolt' }, boltLine(parts)),
    warn: (...parts: unknown[]) => logger.warn({ source: 'bolt' }, boltLine(parts)),
    error: (...parts: unknown[]) => logger.error({ source: 'bolt' }, boltLine(parts)),
    setLevel: (next: Level) => {
      level = next === LogLevel.DEBUG ? LogLevel.INFO : next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
