/**
 * The bot's own user and bot ids, from auth.test. Slack may be unreachable when
 * the server starts: that is logged and retried in the background (doubling
 * waits), never fatal; until it answers, requests are still served (the ids only
 * help ignore the bot's own messages, which are also recognised by `bot_id`).
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/core/ports.ts';
import { describeError } from './describe-error.ts';

const FATAL = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

export class BotIdentity {
  botUserId: string | undefined;
  botId: string | undefined;
  teamId: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #resolved: Promise<void> | undefined;

  constructor(
    private readonly web: webApi.WebClient,
    private readonly logger: Logger,
    private readonly minWaitMs: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Starts resolving; the promise settles on the first success or a fatal error (never rejects). */
  resolve(): Promise<void> {
    this.#resolved ??= new Promise((done) => this.#attempt(this.minWaitMs, done));
    return this.#resolved;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  #attempt(wait: number, done: () => void): void {
    if (this.#stopped) return done();
    this.web.auth
      .test()
      .then((result) => {
        this.botUserId = result.user_id;
        this.botId = result.bot_id;
        this.teamId = result.team_id;
        this.logger.info({ team: result.team_id, botUserId: result.user_id }, 'Slack: connected to the Web API');
        done();
      })
      .catch((error: unknown) => {
        const info = describeError(error);
        if (typeof info.slackError === 'string' && FATAL.has(info.slackError)) {
          this.logger.error({ err: info }, 'Slack: the bot token was refused; check SLACK_BOT_TOKEN (requests will fail until it is fixed)');
          return done();
        }
        this.logger.warn({ err: info, retryInMs: wait }, 'Slack: the Web API is not reachable yet; retrying in the background');
        if (this.#stopped) return done();
        this.#timer = setTimeout(() => this.#attempt(Math.min(wait * 2, this.maxWaitMs), done), wait);
        this.#timer.unref();
      });
  }
}
