/** `GET /healthz`: is the database reachable, which platforms are on. For load balancers and people. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './router.ts';

export interface HealthSources {
  version: string;
  database: { engine: 'sqlite' | 'postgres'; ping(): Promise<void> };
  platforms: () => Record<'slack' | 'teams', { enabled: boolean; mode: string }>;
  scheduler: () => { running: boolean };
  clock: () => Date;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  time: string;
  database: { engine: 'sqlite' | 'postgres'; ok: boolean; error?: string };
  platforms: Record<'slack' | 'teams', { enabled: boolean; mode: string }>;
  scheduler: { running: boolean };
}

const PING_TIMEOUT_MS = 2_000;
const TIMED_OUT = `no answer within ${PING_TIMEOUT_MS} ms`;

/**
 * What /healthz (public, like the webhook endpoints) says about a failed ping:
 * a driver's message can name hosts, ports, users and schemas, so only its code.
 */
function describePingFailure(error: unknown): string {
  if (error instanceof Error && error.message === TIMED_OUT) return TIMED_OUT;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/i.test(code) ? `unreachable (${code})` : 'unreachable';
}

export async function healthReport(sources: HealthSources): Promise<HealthReport> {
  let database: HealthReport['database'] = { engine: sources.database.engine, ok: true };
  try {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      sources.database.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(TIMED_OUT)), PING_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
  } catch (error) {
    database = { engine: sources.database.engine, ok: false, error: describePingFailure(error) };
  }
  return {
    status: database.ok ? 'ok' : 'degraded',
    version: sources.version,
    time: sources.clock().toISOString(),
    database,
    platforms: sources.platforms(),
    scheduler: sources.scheduler(),
  };
}

export function healthHandler(sources: HealthSources) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const report = await healthReport(sources);
    sendJson(res, report.status === 'ok' ? 200 : 503, report);
  };
}
