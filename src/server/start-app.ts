/**
 * Starts a complete social-check server in this process: configuration, logs,
 * storage (migrated), the core with its manager desk, the platform adapters'
 * routes on one HTTP server, and the nudge scheduler. `adapters/main.ts` runs it
 * for `npm start`; tests start instances on port 0 and close them.
 *
 * src/ never imports an SDK: adapter factories are passed in (adapters/app.ts
 * passes the real ones).
 */
import { readFileSync } from 'node:fs';
import { bootCore, type Core } from '../core/create-core.ts';
import { SocialCheckError } from '../core/errors.ts';
import type { Logger, OrgProfile } from '../core/ports.ts';
import { createManagerDesk } from '../nudges/manager-desk.ts';
import { loadPolicyFile } from '../review/load-policy.ts';
import type { RetryPolicy } from '../nudges/nudge-dispatcher.ts';
import { PosterRegistry } from '../nudges/poster-registry.ts';
import { NudgeScheduler, type SchedulerOptions } from '../nudges/scheduler.ts';
import { openStorage, type Storage } from '../storage/storage.ts';
import type { CreateSlackAdapter, CreateTeamsAdapter, PlatformAdapter } from './adapter-contract.ts';
import { loadConfig, type AppConfig, type Env } from './config.ts';
import { healthHandler } from './health.ts';
import { createHttpServer } from './http-server.ts';
import { createLogger } from './logger.ts';
import { Router, sendJson } from './router.ts';
import { startupLines } from './startup-report.ts';

export interface AdapterFactories {
  slack?: CreateSlackAdapter;
  teams?: CreateTeamsAdapter;
}

export interface StartAppOptions {
  /** The environment to read configuration from (default process.env); ignored when `config` is given. */
  env?: Env;
  config?: AppConfig;
  /** Overrides the configured port (tests pass 0). */
  port?: number;
  adapters?: AdapterFactories;
  logger?: Logger;
  clock?: () => Date;
  contentDir?: string;
  /** Default true. Tests that drive the scheduler with `tick(now)` turn polling off. */
  startScheduler?: boolean;
  instanceId?: string;
  retry?: RetryPolicy;
  notifyManager?: SchedulerOptions['notifyManager'];
  /** How the policy file is read; default `loadPolicyFile` from src/review/load-policy.ts. */
  loadPolicy?: (path: string) => OrgProfile | Promise<OrgProfile>;
}

export interface RunningApp {
  url: string;
  port: number;
  config: AppConfig;
  core: Core;
  storage: Storage;
  scheduler: NudgeScheduler;
  posters: PosterRegistry;
  adapters: PlatformAdapter[];
  logger: Logger;
  /** Graceful: stops taking requests, lets those under way and scheduled deliveries finish, closes storage. Idempotent. */
  close(): Promise<void>;
}

export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const config = options.config ?? loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? (() => new Date());
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
  };

  try {
    const storage = await openStorage({
      ...(config.database.url ? { databaseUrl: config.database.url } : {}),
      ...(config.database.schema ? { schema: config.database.schema } : {}),
      sqlitePath: config.database.sqlitePath,
      clock,
    });
    cleanups.push(() => storage.close());

    let policy: OrgProfile | undefined;
    if (config.policyFile) {
      try {
        policy = await (options.loadPolicy ?? loadPolicyFile)(config.policyFile);
      } catch (error) {
        throw new SocialCheckError('config_invalid', `POLICY_FILE: ${(error as Error).message} Fix the file, or unset POLICY_FILE.`, { cause: error });
      }
    }

    const posters = new PosterRegistry();
    let core: Core | undefined;
    const desk = createManagerDesk({
      content: () => {
        if (!core) throw new SocialCheckError('content_invalid', 'The core is not booted yet.');
        return core.content;
      },
      ...(policy ? { policy } : {}),
      managers: config.managerIds,
      schedules: storage.schedules,
      deliveries: storage.deliveries,
      stats: storage.stats,
      falsePositives: storage.falsePositives,
      refs: storage.refs,
      posters,
      logger,
      clock,
      ...(options.instanceId ? { instanceId: options.instanceId } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
    });
    core = bootCore({
      store: storage.prefs,
      manager: desk,
      clock,
      onError: (error, where) => logger.warn({ where, error: { name: (error as Error)?.name, code: (error as { code?: unknown })?.code } }, 'core: a storage call failed; the person got the reply without it'),
      ...(policy ? { policy } : {}), ...(options.contentDir ? { contentDir: options.contentDir } : {}),
      ...(config.fingerprintSecret ? { fingerprintSecret: config.fingerprintSecret } : {}) });

    const adapters: PlatformAdapter[] = [];
    if (options.adapters?.teams) {
      adapters.push(await options.adapters.teams({ core, config: config.teams, refs: storage.refs, logger }));
    }
    if (config.slack) {
      if (!options.adapters?.slack) throw new SocialCheckError('config_invalid', 'Slack is configured but this build has no Slack adapter.');
      adapters.push(await options.adapters.slack({ core, config: config.slack, store: storage.prefs, logger, events: storage.events }));
    }
    for (const adapter of adapters) posters.register(adapter.poster);

    const scheduler = new NudgeScheduler({
      schedules: storage.schedules,
      deliveries: storage.deliveries,
      posters,
      content: () => core!.content,
      logger,
      clock,
      pollMs: config.nudges.pollSeconds * 1000,
      catchUpMs: config.nudges.catchUpMinutes * 60_000,
      ...(options.instanceId ? { instanceId: options.instanceId } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.notifyManager ? { notifyManager: options.notifyManager } : {}),
    });

    const router = new Router();
    router.add({
      method: 'GET',
      path: '/healthz',
      handler: healthHandler({
        version: VERSION,
        database: { engine: storage.database.dialect, ping: () => storage.database.ping() },
        clock,
        scheduler: () => ({ running: scheduler.isRunning() }),
        platforms: () => {
          const slack = adapters.find((adapter) => adapter.platform === 'slack');
          const teams = adapters.find((adapter) => adapter.platform === 'teams');
          return {
            slack: { enabled: slack !== undefined, mode: slack ? (config.slack?.appToken ? 'socket' : 'http') : 'off' },
            teams: { enabled: teams !== undefined, mode: teams ? (config.teams.appId ? 'authenticated' : 'anonymous') : 'off' },
          };
        },
      }),
    });
    router.add({
      method: 'GET',
      path: '/',
      handler: (_req, res) => sendJson(res, 200, { name: 'social-check', version: VERSION, health: '/healthz', endpoints: router.list() }),
    });
    for (const adapter of adapters) {
      for (const route of adapter.routes) router.add(route);
    }

    const http = createHttpServer(router, logger);
    const { port, url } = await http.listen(options.port ?? config.port, config.host);
    cleanups.push(async () => {
      await http.close(0);
    });

    for (const adapter of adapters) {
      if (adapter.start) {
        await adapter.start();
        cleanups.push(async () => adapter.stop?.());
      }
    }
    if (options.startScheduler !== false) scheduler.start();

    for (const line of startupLines({ config, adapters, url, databaseDescribe: storage.database.describe, migrated: storage.database.migrated, managers: config.managerIds.size })) {
      logger.info({}, line);
    }

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        const timeoutMs = config.shutdownTimeoutSeconds * 1000;
        logger.info({ inFlight: http.inFlight() }, 'shutting down: finishing requests and deliveries under way');
        // Deliveries under way finish; one that outlasts the timeout keeps its claim's lease,
        // so another replica (or the next start) retries it rather than sending it twice.
        const schedulerStopped = Promise.race([
          scheduler.stop().then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
        ]);
        const [{ drained }, deliveriesDone] = await Promise.all([http.close(timeoutMs), schedulerStopped]);
        if (!deliveriesDone) logger.warn({}, 'shutdown timeout: a nudge delivery was still under way; its claim will expire and be retried');
        for (const adapter of adapters) await adapter.stop?.().catch((error: unknown) => logger.warn({ platform: adapter.platform, error: (error as Error).message }, 'adapter stop failed'));
        await storage.close();
        logger.info({ drained }, 'stopped');
      })();
      return closing;
    };

    return { url, port, config, core, storage, scheduler, posters, adapters, logger, close };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
