/**
 * The server's configuration, read in one place: explicit values, else the
 * environment (and `.env`, loaded by the entry point), else documented defaults.
 * Every problem names the variable and what to do; all of them are reported at
 * once so a deployment is fixed in one pass.
 */
import { SocialCheckError } from '../core/errors.ts';
import { parseManagerIds } from '../nudges/managers.ts';
import { DEFAULT_SQLITE_PATH } from '../storage/open-database.ts';
import type { SlackAdapterConfig, TeamsAdapterConfig } from './adapter-contract.ts';

export const DEFAULT_PORT = 3978;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  port: number;
  host?: string;
  logLevel: LogLevel;
  database: { url?: string; schema?: string; sqlitePath: string };
  managerIds: Set<string>;
  policyFile?: string;
  /** Keys the fingerprints of ignored sentences; unset, they are keyed by the person only. */
  fingerprintSecret?: string;
  /** Undefined when Slack is off (no Slack variable set). */
  slack?: SlackAdapterConfig;
  /** Always on; anonymous without MicrosoftAppId. */
  teams: TeamsAdapterConfig;
  nudges: { pollSeconds: number; catchUpMinutes: number };
  shutdownTimeoutSeconds: number;
}

export type Env = Record<string, string | undefined>;

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

class Problems {
  readonly list: string[] = [];
  add(variable: string, message: string): void {
    this.list.push(`${variable}: ${message}`);
  }
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

function integer(env: Env, problems: Problems, name: string, fallback: number, min: number, max: number, what: string): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.add(name, `"${raw}" is not ${what}: use a whole number from ${min} to ${max} (default ${fallback}).`);
    return fallback;
  }
  return Number(raw);
}

function slackConfig(env: Env, problems: Problems): SlackAdapterConfig | undefined {
  const signingSecret = value(env, 'SLACK_SIGNING_SECRET');
  const botToken = value(env, 'SLACK_BOT_TOKEN');
  const appToken = value(env, 'SLACK_APP_TOKEN');
  const apiUrl = value(env, 'SLACK_API_URL');
  if (!signingSecret && !botToken && !appToken) {
    if (apiUrl) problems.add('SLACK_API_URL', 'is set but Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET too, or remove it.');
    return undefined;
  }
  if (!botToken) problems.add('SLACK_BOT_TOKEN', 'is missing: copy the xoxb-... token from your Slack app\'s "OAuth & Permissions" page (or unset the other SLACK_ variables to run without Slack).');
  else if (!botToken.startsWith('xoxb-')) problems.add('SLACK_BOT_TOKEN', 'must be a bot token starting with xoxb- ("OAuth & Permissions" page).');
  if (appToken && !appToken.startsWith('xapp-')) problems.add('SLACK_APP_TOKEN', 'must be an app-level token starting with xapp- with the connections:write scope ("Basic Information" page), or unset for HTTP mode.');
  if (!appToken && !signingSecret) problems.add('SLACK_SIGNING_SECRET', 'is missing: copy it from your Slack app\'s "Basic Information" page (or set SLACK_APP_TOKEN for Socket Mode).');
  if (signingSecret && (signingSecret.length < 16 || /\s/.test(signingSecret))) problems.add('SLACK_SIGNING_SECRET', 'does not look like a signing secret (a long string without spaces, from "Basic Information").');
  if (apiUrl && !/^https?:\/\/\S+$/.test(apiUrl)) problems.add('SLACK_API_URL', `"${apiUrl}" must be an http(s) URL, e.g. https://slack.com/api/ (or unset it).`);
  const config: SlackAdapterConfig = { signingSecret: signingSecret ?? '', botToken: botToken ?? '' };
  if (appToken) config.appToken = appToken;
  if (apiUrl) config.apiUrl = apiUrl;
  return config;
}

function teamsConfig(env: Env, problems: Problems): TeamsAdapterConfig {
  const appId = value(env, 'MicrosoftAppId');
  const appPassword = value(env, 'MicrosoftAppPassword');
  const appType = value(env, 'MicrosoftAppType');
  const tenantId = value(env, 'MicrosoftAppTenantId');
  const type = appType ? APP_TYPES.find((known) => known.toLowerCase() === appType.toLowerCase()) : tenantId ? 'SingleTenant' : 'MultiTenant';
  if (!type) problems.add('MicrosoftAppType', `"${appType}" must be one of ${APP_TYPES.join(', ')}.`);
  if (appId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
    problems.add('MicrosoftAppId', `"${appId}" is not an app (client) id: it is a GUID like 00000000-0000-0000-0000-000000000000, from the Azure Bot's Configuration page.`);
  }
  if (!appId && appPassword) problems.add('MicrosoftAppId', 'is missing while MicrosoftAppPassword is set: set both, or neither to run Teams anonymously for local testing.');
  if (appId && type !== 'UserAssignedMSI' && !appPassword) problems.add('MicrosoftAppPassword', `is missing: a ${type ?? 'MultiTenant'} bot needs the client secret of its app registration.`);
  if (appId && (type === 'SingleTenant' || type === 'UserAssignedMSI') && !tenantId) problems.add('MicrosoftAppTenantId', `is missing: a ${type} bot needs the id of its Entra tenant.`);
  const config: TeamsAdapterConfig = {};
  if (appId) config.appId = appId;
  if (appPassword) config.appPassword = appPassword;
  if (appType && type) config.appType = type;
  if (tenantId) config.tenantId = tenantId;
  return config;
}

/** Reads and validates the configuration; throws one `config_invalid` error listing every problem. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems = new Problems();
  const port = integer(env, problems, 'PORT', DEFAULT_PORT, 0, 65535, 'a TCP port');
  const rawLevel = value(env, 'LOG_LEVEL')?.toLowerCase() ?? 'info';
  const logLevel = (LOG_LEVELS as readonly string[]).includes(rawLevel) ? (rawLevel as LogLevel) : 'info';
  if (logLevel !== rawLevel) problems.add('LOG_LEVEL', `"${rawLevel}" must be one of ${LOG_LEVELS.join(', ')}.`);

  const url = value(env, 'DATABASE_URL');
  if (url && !/^postgres(ql)?:\/\/\S+$/.test(url)) {
    problems.add('DATABASE_URL', 'must be a PostgreSQL URL like postgres://user:password@host:5432/dbname (or unset it to use the embedded SQLite database).');
  }
  const schema = value(env, 'DATABASE_SCHEMA');
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) problems.add('DATABASE_SCHEMA', `"${schema}" must be a lower-case PostgreSQL schema name (letters, digits, _).`);
  if (schema && !url) problems.add('DATABASE_SCHEMA', 'only applies to PostgreSQL: set DATABASE_URL too, or remove it.');
  const sqlitePath = value(env, 'SQLITE_PATH') ?? DEFAULT_SQLITE_PATH;

  let managerIds = new Set<string>();
  try {
    managerIds = parseManagerIds(value(env, 'MANAGER_IDS'));
  } catch (error) {
    problems.add('MANAGER_IDS', `${(error as Error).message} Separate several with commas.`);
  }

  const slack = slackConfig(env, problems);
  const teams = teamsConfig(env, problems);
  const pollSeconds = integer(env, problems, 'NUDGE_POLL_SECONDS', 30, 1, 3600, 'a polling interval in seconds');
  const catchUpMinutes = integer(env, problems, 'NUDGE_CATCH_UP_MINUTES', 60, 0, 7 * 24 * 60, 'a number of minutes');
  const shutdownTimeoutSeconds = integer(env, problems, 'SHUTDOWN_TIMEOUT_SECONDS', 15, 1, 600, 'a number of seconds');
  const fingerprintSecret = value(env, 'FINGERPRINT_SECRET');
  if (fingerprintSecret !== undefined && fingerprintSecret.length < 16) problems.add('FINGERPRINT_SECRET', 'must be at least 16 characters: generate one with `openssl rand -hex 32` (or unset it).');

  if (problems.list.length > 0) {
    throw new SocialCheckError(
      'config_invalid',
      `social-check cannot start: the configuration has ${problems.list.length} problem${problems.list.length === 1 ? '' : 's'} (see .env.example):\n- ${problems.list.join('\n- ')}`,
    );
  }
  const config: AppConfig = {
    port,
    logLevel,
    database: { sqlitePath, ...(url ? { url } : {}), ...(schema ? { schema } : {}) },
    managerIds,
    teams,
    nudges: { pollSeconds, catchUpMinutes },
    shutdownTimeoutSeconds,
  };
  const host = value(env, 'HOST');
  if (host) config.host = host;
  const policyFile = value(env, 'POLICY_FILE');
  if (policyFile) config.policyFile = policyFile;
  if (fingerprintSecret) config.fingerprintSecret = fingerprintSecret;
  if (slack) config.slack = slack;
  return config;
}
