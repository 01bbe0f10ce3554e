/**
 * `startApp` with the real platform adapters. Each adapter is imported only when
 * it is used, so a server without Slack never loads @slack/bolt.
 */
import type { CreateSlackAdapter, CreateTeamsAdapter } from '../src/server/adapter-contract.ts';
import { startApp as startServer, type RunningApp, type StartAppOptions } from '../src/server/start-app.ts';

export const realAdapters = {
  slack: (async (options) => {
    const { createSlackAdapter } = await import('./slack/index.ts');
    return createSlackAdapter(options);
  }) satisfies CreateSlackAdapter,
  teams: (async (options) => {
    const { createTeamsAdapter } = await import('./teams/index.ts');
    return createTeamsAdapter(options);
  }) satisfies CreateTeamsAdapter,
};

/** Starts a full instance (Teams always, Slack when configured). Tests use it with port 0. */
export function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  return startServer({ ...options, adapters: { ...realAdapters, ...options.adapters } });
}

export type { RunningApp, StartAppOptions };
