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

export async function healthReport(sources: HealthSources): Promise<HealthReport> {
  let database: HealthReport['database'] = { engine: sources.database.engine, ok: true };
  try {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      sources.database.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
  } catch (error) {
    database = { engine: sources.database.engine, ok: false, error: (error as Error).message };
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
