import type { Logger } from '../../../src/core/ports.ts';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  object: object;
  message?: string;
  bindings: Record<string, unknown>;
}

/** A Logger that keeps every entry, so tests can assert what was (and was not) logged. */
export function memoryLogger(entries: LogEntry[] = [], bindings: Record<string, unknown> = {}): Logger & { entries: LogEntry[] } {
  const log = (level: LogEntry['level']) => (object: object, message?: string) => {
    entries.push({ level, object, message, bindings });
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
