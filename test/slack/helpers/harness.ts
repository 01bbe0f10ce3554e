/**
 * A running Slack path for tests: the real core (bootCore with an in-memory
 * store), the real adapter (Bolt's HTTPReceiver) mounted on a real HTTP server,
 * and a fake Slack for the Web API and response_urls.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bootCore, type Core } from '../../../src/core/create-core.ts';
import type { EventLedger, ManagerDesk } from '../../../src/core/ports.ts';
import type { PlatformAdapter } from '../../../src/server/adapter-contract.ts';
import { createSlackAdapter, type SlackSettings } from '../../../adapters/slack/index.ts';
import { memoryLogger, type LogEntry } from '../../shared/memory-logger.ts';
import { FakeSlack } from './fake-slack.ts';
import { MemoryPrefsStore } from '../../shared/memory-prefs-store.ts';
import { send, SIGNING_SECRET, type SendOptions, type SentResponse, type SlackRequest } from './signed-request.ts';

export const BOT_TOKEN = 'xoxb-test-token';

let sharedCore: Core | undefined;
let sharedStore: MemoryPrefsStore | undefined;

export interface HarnessOptions {
  settings?: Partial<SlackSettings>;
  /** Wraps the core (e.g. to add latency); defaults to the booted core. */
  wrapCore?: (core: Core) => Core;
  manager?: ManagerDesk;
  /** Point the Web API somewhere else (e.g. nowhere, to test start-up without Slack). */
  apiUrl?: string;
  /** The ledger replicas share (storage's handled_events). */
  events?: EventLedger;
}

export interface Harness {
  url: string;
  fake: FakeSlack;
  core: Core;
  store: MemoryPrefsStore;
  logs: LogEntry[];
  adapter: PlatformAdapter;
  send(request: SlackRequest, options?: SendOptions): Promise<SentResponse>;
  close(): Promise<void>;
}

/** Booting the core trains question answering: do it once per test file unless a manager is needed. */
function coreFor(manager: ManagerDesk | undefined): { core: Core; store: MemoryPrefsStore } {
  if (manager) {
    const store = new MemoryPrefsStore();
    return { core: bootCore({ store, manager }), store };
  }
  sharedStore ??= new MemoryPrefsStore();
  sharedCore ??= bootCore({ store: sharedStore });
  return { core: sharedCore, store: sharedStore };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = new FakeSlack();
  await fake.start();
  const { core: booted, store } = coreFor(options.manager);
  const core = options.wrapCore ? options.wrapCore(booted) : booted;
  const logger = memoryLogger();
  const adapter = await createSlackAdapter({
    core,
    store,
    logger,
    config: { signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, apiUrl: options.apiUrl ?? fake.apiUrl },
    ...(options.events ? { events: options.events } : {}),
    settings: { retryConfig: { retries: 3, minTimeout: 20, maxTimeout: 50 }, authRetryMinMs: 50, authRetryMaxMs: 200, ...options.settings },
  });
  const route = adapter.routes[0]!;
  const server: Server = createServer((req, res) => {
    if (req.method === route.method && new URL(req.url ?? '/', 'http://x').pathname === route.path) void route.handler(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await adapter.start?.();
  return {
    url,
    fake,
    core,
    store,
    logs: logger.entries,
    adapter,
    send: (request, sendOptions) => send(url, request, sendOptions),
    async close() {
      await adapter.stop?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.stop();
    },
  };
}
