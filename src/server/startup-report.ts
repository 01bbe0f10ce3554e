/** The first log lines: what is on, where, and how to turn on the rest. */
import type { PlatformAdapter } from './adapter-contract.ts';
import type { AppConfig } from './config.ts';

export interface StartupFacts {
  config: AppConfig;
  adapters: PlatformAdapter[];
  url: string;
  databaseDescribe: string;
  migrated: string[];
  managers: number;
}

export function startupLines(facts: StartupFacts): string[] {
  const { config, adapters } = facts;
  const lines = [`social-check listening on ${facts.url} (GET /healthz for status)`];
  lines.push(
    `Storage: ${facts.databaseDescribe}${facts.migrated.length > 0 ? `, applied migrations: ${facts.migrated.join(', ')}` : ', schema up to date'}` +
      (config.database.url ? '' : '. For several replicas set DATABASE_URL to a PostgreSQL database.'),
  );
  for (const adapter of adapters) lines.push(`Enabled: ${adapter.describe()}`);
  if (!adapters.some((adapter) => adapter.platform === 'slack')) {
    lines.push('Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP at POST /slack/events), or SLACK_APP_TOKEN for Socket Mode. See .env.example.');
  }
  if (!config.teams.appId && adapters.some((adapter) => adapter.platform === 'teams')) {
    lines.push('Teams runs anonymously (local testing only): set MicrosoftAppId and MicrosoftAppPassword (and MicrosoftAppTenantId for single-tenant bots) to connect to Teams.');
  }
  lines.push(
    facts.managers > 0
      ? `Nudges: ${facts.managers} manager id${facts.managers === 1 ? '' : 's'} from MANAGER_IDS${adapters.some((a) => a.platform === 'slack') ? ', plus Slack workspace admins and owners' : ''}; scheduler polls every ${config.nudges.pollSeconds} s.`
      : `Nudges: no MANAGER_IDS set${adapters.some((a) => a.platform === 'slack') ? ', so only Slack workspace admins and owners' : ', so nobody'} can send nudges; set MANAGER_IDS=slack:U123,teams:29:1abc to name managers.`,
  );
  lines.push(config.policyFile ? `Organization policy: ${config.policyFile}` : 'No organization policy: set POLICY_FILE to a YAML profile (company name, codenames, clients) for sharper reviews.');
  return lines;
}
