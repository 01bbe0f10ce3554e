/**
 * Bolt's and the Web API client's logger, backed by ours. Their debug output
 * includes request bodies (drafts), so it is dropped; everything else is passed
 * on as a message with no payload and no quoted text.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

type Level = ReturnType<BoltLogger['getLevel']>;
import type { Logger } from '../../src/core/ports.ts';

/**
 * One line from Bolt's arguments. Quoted fragments are removed: a parse error's
 * message quotes the request body it choked on (`Unexpected token … "{"text": …`).
 */
function line(parts: unknown[]): string {
  return parts
    .map((part) => (part instanceof Error ? `${part.name}: ${part.message}` : typeof part === 'string' ? part : ''))
    .filter(Boolean)
    .join(' ')
    .replace(/"[^"]*("|$)/g, '"…"')
    .slice(0, 300);
}

export function toBoltLogger(logger: Logger): BoltLogger {
  let level: Level = LogLevel.INFO;
  return {
    debug: () => {},
    info: (...parts: unknown[]) => logger.info({ source: 'bolt' }, line(parts)),
    warn: (...parts: unknown[]) => logger.warn({ source: 'bolt' }, line(parts)),
    error: (...parts: unknown[]) => logger.error({ source: 'bolt' }, line(parts)),
    setLevel: (next: Level) => {
      level = next === LogLevel.DEBUG ? LogLevel.INFO : next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
