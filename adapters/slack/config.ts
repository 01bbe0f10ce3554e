/**
 * Configuration in one place: explicit values, else environment variables, else
 * documented defaults; a descriptive error for a bad combination.
 */
import type { webApi } from '@slack/bolt';
import { SocialCheckError } from '../../src/core/errors.ts';
import type { SlackAdapterConfig } from '../../src/server/adapter-contract.ts';

/** Tuning knobs; the defaults suit production, tests shorten the waits. */
export interface SlackSettings {
  /** How long a slash command may take to answer in its acknowledgement (Slack allows 3 s). Default 2,500 ms. */
  ackBudgetMs: number;
  /** Web API retries for 5xx and network errors (429s wait for Retry-After, then retry). */
  retryConfig: webApi.RetryOptions;
  /** Per-request timeout of Web API calls. Default 10 s. */
  requestTimeoutMs: number;
  /** How long an event id is remembered to drop Slack's retries. Default 15 min (Slack retries over ~5 min). */
  eventTtlMs: number;
  /** How long a user's admin status is cached. Default 5 min. */
  adminTtlMs: number;
  /** Start-up auth.test retries: first wait, doubling up to the max. */
  authRetryMinMs: number;
  authRetryMaxMs: number;
  /** On stop, how long to wait for replies still being worked on after Slack was acknowledged. Default 10 s. */
  drainMs: number;
  /** Milliseconds since the epoch. */
  now: () => number;
}

export const DEFAULT_SETTINGS: SlackSettings = {
  ackBudgetMs: 2500,
  retryConfig: { retries: 4, factor: 2, minTimeout: 300, maxTimeout: 5000, randomize: true },
  requestTimeoutMs: 10_000,
  eventTtlMs: 15 * 60_000,
  adminTtlMs: 5 * 60_000,
  authRetryMinMs: 1000,
  authRetryMaxMs: 60_000,
  drainMs: 10_000,
  now: Date.now,
};

/** Reads SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_API_URL. */
export function slackConfigFromEnv(env: Record<string, string | undefined> = process.env): SlackAdapterConfig {
  const config: SlackAdapterConfig = { signingSecret: env.SLACK_SIGNING_SECRET ?? '', botToken: env.SLACK_BOT_TOKEN ?? '' };
  if (env.SLACK_APP_TOKEN) config.appToken = env.SLACK_APP_TOKEN;
  if (env.SLACK_API_URL) config.apiUrl = env.SLACK_API_URL;
  return config;
}

/** Throws `config_invalid` with what to fix. */
export function checkSlackConfig(config: SlackAdapterConfig): void {
  const problems: string[] = [];
  if (!config.botToken) problems.push('SLACK_BOT_TOKEN is missing (the xoxb-… token from "OAuth & Permissions")');
  else if (!config.botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN should be a bot token starting with xoxb-');
  if (config.appToken !== undefined && !config.appToken.startsWith('xapp-')) {
    problems.push('SLACK_APP_TOKEN should be an app-level token starting with xapp- (with the connections:write scope)');
  }
  if (!config.appToken && !config.signingSecret) {
    problems.push('SLACK_SIGNING_SECRET is missing (from "Basic Information"); it is needed unless SLACK_APP_TOKEN selects Socket Mode');
  }
  if (config.apiUrl !== undefined && !/^https?:\/\/\S+$/.test(config.apiUrl)) problems.push('SLACK_API_URL must be an http(s) URL');
  if (problems.length > 0) throw new SocialCheckError('config_invalid', `Slack is not configured: ${problems.join('; ')}.`);
}
