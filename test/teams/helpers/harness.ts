/**
 * The Teams adapter mounted on a plain node:http server, as the shared server
 * mounts it, plus a fake Bot Connector for the replies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTeamsAdapter } from '../../../adapters/teams/index.ts';
import { bootCore, type Core } from '../../../src/core/create-core.ts';
import type { PlatformAdapter, TeamsAdapterConfig } from '../../../src/server/adapter-contract.ts';
import { FakeConnector } from './fake-connector.ts';
import { memoryLogger } from '../../shared/memory-logger.ts';
import { MemoryRefStore } from './memory-refs.ts';

let sharedCore: Core | undefined;
/** The real core, booted once per test file (loading content and training QA takes a moment). */
export function testCore(): Core {
  sharedCore ??= bootCore();
  return sharedCore;
}

export const NOW = new Date('2026-11-24T09:00:00.000Z');

export interface HarnessOptions {
  config?: TeamsAdapterConfig;
  core?: Core;
  invokeDeadlineMs?: number;
}

export interface Harness {
  url: string;
  adapter: PlatformAdapter;
  connector: FakeConnector;
  refs: MemoryRefStore;
  logger: ReturnType<typeof memoryLogger>;
  core: Core;
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  postRaw(body: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const connector = await new FakeConnector().start();
  const refs = new MemoryRefStore();
  const logger = memoryLogger();
  const core = options.core ?? testCore();
  const adapter = await createTeamsAdapter({
    core,
    config: options.config ?? {},
    refs,
    logger,
    clock: () => NOW,
    ...(options.invokeDeadlineMs ? { invokeDeadlineMs: options.invokeDeadlineMs } : {}),
  });
  const server: Server = createServer((req, res) => {
    const route = adapter.routes.find((candidate) => candidate.method === req.method && candidate.path === req.url);
    if (!route) {
      res.statusCode = 404;
      res.end();
      return;
    }
    void route.handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;

  async function postRaw(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as any };
  }

  return {
    url,
    adapter,
    connector,
    refs,
    logger,
    core,
    post: (activity, headers) => postRaw(JSON.stringify(activity), headers),
    postRaw,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.stop();
    },
  };
}
