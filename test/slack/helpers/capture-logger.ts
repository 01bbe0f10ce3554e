/** A Logger that keeps every entry, so tests can check what was (and was not) logged. */
import type { Logger } from '../../../src/core/ports.ts';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  object: object;
  message?: string;
}

export function captureLogger(entries: LogEntry[] = [], bindings: Record<string, unknown> = {}): Logger & { entries: LogEntry[] } {
  const log = (level: LogEntry['level']) => (object: object, message?: string) => {
    entries.push({ level, object: { ...bindings, ...object }, ...(message === undefined ? {} : { message }) });
  };
  return {
    entries,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (more) => captureLogger(entries, { ...bindings, ...more }),
  };
}
