/** A Logger that keeps every entry, so tests can check what was (and was not) logged. Shared by the Slack and Teams tests. */
import type { Logger } from '../../src/core/ports.ts';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  /** The entry's fields, with the child loggers' bindings merged in. */
  object: object;
  message?: string;
  /** The child loggers' bindings alone. */
  bindings: Record<string, unknown>;
}

export function memoryLogger(entries: LogEntry[] = [], bindings: Record<string, unknown> = {}): Logger & { entries: LogEntry[] } {
  const log = (level: LogEntry['level']) => (object: object, message?: string) => {
    entries.push({ level, object: { ...bindings, ...object }, ...(message === undefined ? {} : { message }), bindings });
  };
  return {
    entries,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (more) => memoryLogger(entries, { ...bindings, ...more }),
  };
}
