/**
 * Starting real app instances in-process for tests: real config, storage,
 * core, manager desk, scheduler and HTTP server. Only the platform edge is
 * replaced: a recording `ChannelPoster` stands in for Slack's and Teams' APIs.
 */
import { SocialCheckError } from '../../src/core/errors.ts';
import type { ChannelPoster, ChannelRef } from '../../src/core/ports.ts';
import type { ChatPlatform, InboundMessage, Reply } from '../../src/core/types.ts';
import type { PlatformAdapter } from '../../src/server/adapter-contract.ts';
import { loadConfig, type Env } from '../../src/server/config.ts';
import { createLogger, memoryDestination } from '../../src/server/logger.ts';
import { startApp, type AdapterFactories, type RunningApp, type StartAppOptions } from '../../src/server/start-app.ts';
import type { TestDatabase } from '../storage/databases.ts';

export interface RecordedPost {
  channel: ChannelRef;
  reply: Reply;
  /** Order across every poster of the process, so posts of several replicas can be merged in time order. */
  seq: number;
}

let sequence = 0;

/** Posts of several posters, in the order they were made. */
export function inOrder(...lists: RecordedPost[][]): RecordedPost[] {
  return lists.flat().sort((a, b) => a.seq - b.seq);
}

/** Records what would have been posted; can be told to fail. */
export class RecordingPoster implements ChannelPoster {
  readonly posts: RecordedPost[] = [];
  readonly attempts: RecordedPost[] = [];
  private failures = 0;
  private failChannel: string | undefined;
  private readonly gone = new Set<string>();

  constructor(readonly platform: ChatPlatform) {}

  /** The next `count` posts (to `channelId`, or anywhere) throw a transient error. */
  failNext(count: number, channelId?: string): void {
    this.failures = count;
    this.failChannel = channelId;
  }

  /** Posts to this channel throw `channel_unavailable` (the bot was removed). */
  remove(channelId: string): void {
    this.gone.add(channelId);
  }

  /** The bot was added back. */
  restore(channelId: string): void {
    this.gone.delete(channelId);
  }

  async post(channel: ChannelRef, reply: Reply): Promise<{ messageId?: string }> {
    this.attempts.push({ channel, reply, seq: ++sequence });
    if (this.gone.has(channel.channelId)) throw new SocialCheckError('channel_unavailable', 'not_in_channel');
    if (this.failures > 0 && (this.failChannel === undefined || this.failChannel === channel.channelId)) {
      this.failures--;
      throw new SocialCheckError('delivery_failed', 'HTTP 503 from the platform');
    }
    this.posts.push({ channel, reply, seq: ++sequence });
    return { messageId: `m${this.posts.length}` };
  }

  to(channelId: string): RecordedPost[] {
    return this.posts.filter((post) => post.channel.channelId === channelId);
  }
}

/** An adapter with the contract's shape and a recording poster. */
export function fakeAdapter(platform: 'slack' | 'teams', poster: ChannelPoster, routes: PlatformAdapter['routes'] = []): PlatformAdapter {
  return { platform, routes, poster, describe: () => `${platform} (test double)` };
}

export interface TestApp extends RunningApp {
  logs: ReturnType<typeof memoryDestination>;
  slackPoster: RecordingPoster;
  teamsPoster: RecordingPoster;
}

export function envFor(db: TestDatabase, extra: Env = {}): Env {
  const env: Env = { MANAGER_IDS: 'slack:UMANAGER,teams:29:manager', LOG_LEVEL: 'debug', ...extra };
  if (db.options.databaseUrl) {
    env.DATABASE_URL = db.options.databaseUrl;
    if (db.options.schema) env.DATABASE_SCHEMA = db.options.schema;
  } else if (db.options.sqlitePath) {
    env.SQLITE_PATH = db.options.sqlitePath;
  }
  return env;
}

/**
 * Starts an instance on port 0. Slack and Teams are both "on" through recording
 * posters (Slack is turned on by the fake credentials in the env).
 */
export async function startTestApp(db: TestDatabase, options: Partial<StartAppOptions> & { env?: Env } = {}): Promise<TestApp> {
  const logs = memoryDestination();
  const slackPoster = new RecordingPoster('slack');
  const teamsPoster = new RecordingPoster('teams');
  const env = envFor(db, { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'a'.repeat(32), ...options.env });
  const adapters: AdapterFactories = {
    slack: async () => fakeAdapter('slack', slackPoster),
    teams: async () => fakeAdapter('teams', teamsPoster),
    ...options.adapters,
  };
  const app = await startApp({
    config: loadConfig(env),
    port: 0,
    startScheduler: false,
    logger: createLogger({ level: 'debug', destination: logs }),
    ...options,
    adapters,
  });
  return Object.assign(app, { logs, slackPoster, teamsPoster });
}

/** A message from a manager (or anyone) on Slack, in a DM by default. */
export function slackMessage(text: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    platform: 'slack',
    user: { id: 'UMANAGER' },
    conversation: { id: 'DMANAGER', kind: 'direct', teamId: 'T1' },
    text,
    private: true,
    ...overrides,
  };
}

export function teamsMessage(text: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    platform: 'teams',
    user: { id: '29:manager' },
    conversation: { id: 'a:personal-manager', kind: 'direct', teamId: '19:team' },
    text,
    private: true,
    ...overrides,
  };
}

/** A clock tests move by hand. */
export class TestClock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current);
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): Date {
    this.current = new Date(this.current.getTime() + ms);
    return this.now();
  }
}
