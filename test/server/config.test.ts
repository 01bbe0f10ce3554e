import { describe, expect, it } from 'vitest';
import { isSocialCheckError } from '../../src/core/errors.ts';
import { loadConfig, type Env } from '../../src/server/config.ts';

function problemsOf(env: Env): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (isSocialCheckError(error, 'config_invalid')) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('starts with nothing set: port 3978, embedded database, Teams anonymous, Slack off', () => {
    expect(loadConfig({})).toEqual({
      port: 3978,
      logLevel: 'info',
      database: { sqlitePath: './data/social-check.db' },
      managerIds: new Set(),
      teams: {},
      nudges: { pollSeconds: 30, catchUpMinutes: 60 },
      shutdownTimeoutSeconds: 15,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'WARN',
      DATABASE_URL: 'postgres://app:secret@db:5432/social',
      DATABASE_SCHEMA: 'social_check',
      MANAGER_IDS: ' slack:U123 , teams:29:1abc-DEF ',
      POLICY_FILE: './policy.yaml',
      SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99ffffff85a5',
      SLACK_BOT_TOKEN: 'xoxb-1-2-3',
      SLACK_APP_TOKEN: 'xapp-1-A-2',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppType: 'singletenant',
      MicrosoftAppTenantId: 'tenant',
      NUDGE_POLL_SECONDS: '5',
      NUDGE_CATCH_UP_MINUTES: '0',
      SHUTDOWN_TIMEOUT_SECONDS: '3',
      FINGERPRINT_SECRET: '0123456789abcdef0123',
    });
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'warn',
      database: { url: 'postgres://app:secret@db:5432/social', schema: 'social_check', sqlitePath: './data/social-check.db' },
      managerIds: new Set(['slack:U123', 'teams:29:1abc-DEF']),
      policyFile: './policy.yaml',
      fingerprintSecret: '0123456789abcdef0123',
      slack: { signingSecret: '8f742231b10e8888abcd99ffffff85a5', botToken: 'xoxb-1-2-3', appToken: 'xapp-1-A-2', apiUrl: 'http://127.0.0.1:9999/api/' },
      teams: { appId: '00000000-0000-0000-0000-000000000001', appPassword: 'pw', appType: 'SingleTenant', tenantId: 'tenant' },
      nudges: { pollSeconds: 5, catchUpMinutes: 0 },
      shutdownTimeoutSeconds: 3,
    });
  });

  it('names each bad variable and what to do, all at once', () => {
    const message = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', MANAGER_IDS: 'U123', NUDGE_POLL_SECONDS: '0' });
    expect(message).toBe(
      [
        'social-check cannot start: the configuration has 5 problems (see .env.example):',
        '- PORT: "eighty" is not a TCP port: use a whole number from 0 to 65535 (default 3978).',
        '- LOG_LEVEL: "loud" must be one of fatal, error, warn, info, debug, trace, silent.',
        '- DATABASE_URL: must be a PostgreSQL URL like postgres://user:password@host:5432/dbname (or unset it to use the embedded SQLite database).',
        '- MANAGER_IDS: "U123" is not platform:userId (e.g. slack:U0123ABC or teams:7faf8ab2-3d56-4244-b585-20c8a42ed2b8). Separate several with commas.',
        '- NUDGE_POLL_SECONDS: "0" is not a polling interval in seconds: use a whole number from 1 to 3600 (default 30).',
      ].join('\n'),
    );
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: 'a'.repeat(32) }, 'SLACK_BOT_TOKEN: is missing: copy the xoxb-... token'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 'a'.repeat(32) }, 'SLACK_BOT_TOKEN: must be a bot token starting with xoxb-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET: is missing: copy it from your Slack app\'s "Basic Information" page'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN: must be an app-level token starting with xapp-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'a'.repeat(32), SLACK_API_URL: 'slack.com' }, 'SLACK_API_URL: "slack.com" must be an http(s) URL'],
    [{ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' }, 'MicrosoftAppPassword: is missing: a MultiTenant bot needs the client secret'],
    [{ MicrosoftAppPassword: 'pw' }, 'MicrosoftAppId: is missing while MicrosoftAppPassword is set'],
    [{ MicrosoftAppId: 'my-bot' , MicrosoftAppPassword: 'pw' }, 'MicrosoftAppId: "my-bot" is not an app (client) id'],
    [{ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'pw' }, 'MicrosoftAppTenantId: is missing: a SingleTenant bot needs the id of its Entra tenant.'],
    [{ MicrosoftAppType: 'Global' }, 'MicrosoftAppType: "Global" must be one of MultiTenant, SingleTenant, UserAssignedMSI.'],
    [{ DATABASE_SCHEMA: 'x' }, 'DATABASE_SCHEMA: only applies to PostgreSQL: set DATABASE_URL too, or remove it.'],
    [{ FINGERPRINT_SECRET: 'short' }, 'FINGERPRINT_SECRET: must be at least 16 characters: generate one with `openssl rand -hex 32` (or unset it).'],
  ])('refuses %o', (env, expected) => {
    expect(problemsOf(env)).toContain(expected);
  });

  it('allows Socket Mode without a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toEqual({ signingSecret: '', botToken: 'xoxb-1', appToken: 'xapp-1' });
  });
});
