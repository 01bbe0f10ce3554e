/**
 * The Slack adapter: Bolt verifies and parses Slack's requests, the listeners
 * turn them into the core's `InboundMessage`, and render.ts turns the core's
 * `Reply` into Block Kit. Over HTTP it mounts `POST /slack/events` on the shared
 * server; with an app token it uses Socket Mode instead.
 *
 *   request → HTTPReceiver (signature, timestamp, body) → App (authorize, dedupe)
 *     → listen-*.ts → core.handle → render.ts → deliver.ts (ack / response_url / Web API)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, webApi } from '@slack/bolt';
import type { PlatformAdapter, SlackAdapterConfig, SlackAdapterOptions } from '../../src/server/adapter-contract.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { BotIdentity } from './bot-identity.ts';
import { checkSlackConfig, DEFAULT_SETTINGS, type SlackSettings } from './config.ts';
import { Deliverer } from './deliver.ts';
import { describeError } from './describe-error.ts';
import { listenToCommands } from './listen-commands.ts';
import { listenToEvents } from './listen-events.ts';
import { listenToInteractions } from './listen-interactions.ts';
import { listenToModal } from './modal.ts';
import { createChannelPoster } from './poster.ts';
import type { Runtime } from './runtime.ts';
import { TtlCache } from './ttl-cache.ts';
import { createAdminLookup } from './user-roles.ts';

export const EVENTS_PATH = '/slack/events';
/** The largest request body read (Bolt's default is 4 MB). */
export const SLACK_BODY_LIMIT = 1024 * 1024;

export { slackConfigFromEnv } from './config.ts';
export type { SlackSettings } from './config.ts';

export interface CreateSlackAdapterOptions extends SlackAdapterOptions {
  config: SlackAdapterConfig;
  /** Overrides of the tuning defaults (tests shorten waits). */
  settings?: Partial<SlackSettings>;
}

/** Waits for the listeners under way, at most `ms`; what is cut short is logged (as a count). */
async function drain(underWay: Set<Promise<void>>, ms: number, logger: CreateSlackAdapterOptions['logger']): Promise<void> {
  if (underWay.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    Promise.allSettled([...underWay]).then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  if (!finished) logger.warn({ underWay: underWay.size }, 'Slack: stopped with replies still being worked on');
}

export async function createSlackAdapter(options: CreateSlackAdapterOptions): Promise<PlatformAdapter> {
  const { core, config, store } = options;
  checkSlackConfig(config);
  const settings: SlackSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const logger = options.logger.child({ platform: 'slack' });
  const boltLogger = toBoltLogger(logger);
  const socketMode = Boolean(config.appToken);

  const clientOptions = {
    logger: boltLogger,
    retryConfig: settings.retryConfig,
    timeout: settings.requestTimeoutMs,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` } : {}),
  };
  const web = new webApi.WebClient(config.botToken, clientOptions);
  const identity = new BotIdentity(web, logger, settings.authRetryMinMs, settings.authRetryMaxMs);

  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: config.signingSecret,
        endpoints: EVENTS_PATH,
        logger: boltLogger,
        processBeforeResponse: false,
        // Read before the signature is checked: Slack's payloads are far smaller (a message is at most 40,000 characters).
        bodyLimit: SLACK_BODY_LIMIT,
      });
  const app = new App({
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.appToken }),
    logger: boltLogger,
    logLevel: LogLevel.INFO,
    clientOptions,
    convoStore: false,
    // A single workspace: the bot token is the authorization. The ids come from auth.test
    // in the background, so an unreachable Web API at start-up blocks nothing.
    authorize: async () => ({
      botToken: config.botToken,
      ...(identity.botId ? { botId: identity.botId } : {}),
      ...(identity.botUserId ? { botUserId: identity.botUserId } : {}),
    }),
  });

  // Bolt acknowledges events and buttons before their listeners finish (the reply is
  // sent afterwards): the work under way is tracked so that stop() lets it finish.
  const underWay = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    underWay.add(work);
    try {
      await work;
    } finally {
      underWay.delete(work);
    }
  });

  // Slack retries an event it thinks was not acknowledged in time (X-Slack-Retry-Num):
  // one reply per event id, whatever the number of deliveries. This process remembers
  // the ids it saw; the shared ledger (storage) catches a retry that reaches another replica.
  const seenEvents = new TtlCache<boolean>(settings.eventTtlMs, 10_000, settings.now);
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      let first = seenEvents.add(eventId);
      if (first && options.events) {
        try {
          first = await options.events.claim(`slack:${eventId}`, new Date(settings.now()));
        } catch (error) {
          // Better a rare second answer than none: the event is handled.
          logger.warn({ err: describeError(error), eventId }, 'Slack: could not check the shared event ledger; handling the event');
        }
      }
      if (!first) {
        logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'Slack: dropped a repeated event');
        return;
      }
    }
    await next();
  });

  // The one catch-all: logs what failed, never the text of the request.
  app.error(async (error) => {
    logger.error({ err: describeError(error) }, 'Slack: unhandled error in a listener');
  });

  const runtime: Runtime = {
    core,
    store,
    logger,
    web,
    deliverer: new Deliverer(web),
    settings,
    isAdmin: createAdminLookup(web, logger, settings.adminTtlMs, settings.now),
    botUserId: () => identity.botUserId,
  };
  listenToCommands(app, runtime);
  listenToEvents(app, runtime);
  listenToInteractions(app, runtime);
  listenToModal(app, runtime);

  void identity.resolve();

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      receiver!.requestListener(req, res);
    } catch (error) {
      logger.warn({ err: describeError(error) }, 'Slack: a request could not be dispatched');
      if (!res.headersSent) {
        res.writeHead(404);
        res.end();
      }
    }
  };

  return {
    platform: 'slack',
    routes: receiver ? [{ method: 'POST', path: EVENTS_PATH, handler }] : [],
    poster: createChannelPoster(web),
    async start() {
      if (socketMode) await app.start();
    },
    async stop() {
      identity.stop();
      await drain(underWay, settings.drainMs, logger);
      if (socketMode) await app.stop();
    },
    describe() {
      const api = config.apiUrl ? `, Web API at ${config.apiUrl}` : '';
      return socketMode ? `Slack over Socket Mode${api}` : `Slack over HTTP at POST ${EVENTS_PATH}${api}`;
    },
  };
}
