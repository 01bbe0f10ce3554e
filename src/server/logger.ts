/**
 * Structured JSON logs (pino). Draft text must never be logged: callers log ids,
 * codes and counts only, and redaction removes any field that could carry a
 * person's words should one slip through (`text`, `draft`, `body`, `value`...).
 */
import pino, { type DestinationStream } from 'pino';
import type { Logger } from '../core/ports.ts';
import type { LogLevel } from './config.ts';

/** Field names that may hold what a person wrote; removed at any of the first three levels. */
export const REDACTED_KEYS = ['text', 'draft', 'body', 'rawBody', 'value', 'words', 'message.text', 'payload', 'activity', 'attachments', 'blocks', 'view'];

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of REDACTED_KEYS) {
    paths.push(key, `*.${key}`, `*.*.${key}`);
  }
  paths.push('req.headers.authorization', 'req.headers.cookie', '*.headers.authorization', '*.headers["x-slack-signature"]');
  return paths;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go; default stdout. Tests pass a stream to capture them. */
  destination?: DestinationStream;
  /** Fixed fields on every line (service name, instance). */
  base?: Record<string, unknown>;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'social-check', ...options.base },
      redact: { paths: redactPaths(), remove: true },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous stdout: few lines, and none lost when the process exits after shutdown.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  ) as unknown as Logger;
}

/** A destination that keeps every line in memory (tests, and the canary check). */
export function memoryDestination(): DestinationStream & { lines: string[]; text(): string } {
  const lines: string[] = [];
  return {
    lines,
    write(line: string) {
      lines.push(line);
    },
    text() {
      return lines.join('');
    },
  };
}
