/**
 * `npm run package:teams`: fills the placeholders of manifest/teams/manifest.json
 * from the environment (or .env) and writes the installable Teams app package
 * (manifest.json, color.png, outline.png at the root of a zip).
 *
 *   MICROSOFT_APP_ID       required: the bot's Entra app (client) id (default: MicrosoftAppId, the server's setting)
 *   BOT_DOMAIN             required: the public host of the bot, e.g. social-check.example.com
 *   TEAMS_APP_ID           the Teams app id (a GUID); default: MICROSOFT_APP_ID
 *   APP_VERSION            default: package.json's version
 *   DEVELOPER_NAME         default: social-check
 *   DEVELOPER_WEBSITE_URL  default: https://BOT_DOMAIN/
 *   DEVELOPER_PRIVACY_URL, DEVELOPER_TERMS_URL   default: DEVELOPER_WEBSITE_URL
 *
 * Options: --out FILE (default build/teams/social-check-teams.zip).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeZip } from './zip-writer.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const MANIFEST_DIR = resolve(ROOT, 'manifest/teams');
export const DEFAULT_OUT = resolve(ROOT, 'build/teams/social-check-teams.zip');

const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export class PackageError extends Error {
  override name = 'PackageError';
}

type Env = Record<string, string | undefined>;

function value(env: Env, key: string): string | undefined {
  const raw = env[key]?.trim();
  return raw ? raw : undefined;
}

/** The placeholder values, with defaults, checked; every problem is reported at once. */
export function placeholderValues(env: Env, packageVersion: string): Record<string, string> {
  const problems: string[] = [];
  const appId = value(env, 'MICROSOFT_APP_ID') ?? value(env, 'MicrosoftAppId');
  if (!appId) problems.push('MICROSOFT_APP_ID is not set (the bot\'s Microsoft Entra app id; MicrosoftAppId is used when set).');
  else if (!GUID.test(appId)) problems.push(`MICROSOFT_APP_ID "${appId}" is not a GUID.`);
  const teamsAppId = value(env, 'TEAMS_APP_ID') ?? appId;
  if (teamsAppId && !GUID.test(teamsAppId)) problems.push(`TEAMS_APP_ID "${teamsAppId}" is not a GUID.`);
  const rawDomain = value(env, 'BOT_DOMAIN');
  const domain = rawDomain?.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (!domain) problems.push('BOT_DOMAIN is not set (the public host name of the bot, e.g. social-check.example.com).');
  else if (!/^[a-z0-9.-]+(:\d+)?$/i.test(domain)) problems.push(`BOT_DOMAIN "${rawDomain}" is not a host name.`);
  const version = value(env, 'APP_VERSION') ?? packageVersion;
  if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`APP_VERSION "${version}" is not a version like 1.2.3.`);
  const website = value(env, 'DEVELOPER_WEBSITE_URL') ?? (domain ? `https://${domain}/` : '');
  const urls: Record<string, string> = {
    DEVELOPER_WEBSITE_URL: website,
    DEVELOPER_PRIVACY_URL: value(env, 'DEVELOPER_PRIVACY_URL') ?? website,
    DEVELOPER_TERMS_URL: value(env, 'DEVELOPER_TERMS_URL') ?? website,
  };
  for (const [key, url] of Object.entries(urls)) if (url && !/^https:\/\/\S+$/i.test(url)) problems.push(`${key} "${url}" must be an https:// address.`);
  const developer = value(env, 'DEVELOPER_NAME') ?? 'social-check';
  if (developer.length > 32) problems.push(`DEVELOPER_NAME is ${developer.length} characters; Teams allows 32.`);
  if (problems.length > 0) throw new PackageError(`Cannot build the Teams package:\n- ${problems.join('\n- ')}`);
  return {
    MICROSOFT_APP_ID: appId!,
    TEAMS_APP_ID: teamsAppId!,
    BOT_DOMAIN: domain!,
    APP_VERSION: version,
    DEVELOPER_NAME: developer,
    ...urls,
  };
}

/** Replaces `${{NAME}}` in every string of the parsed manifest (never by editing JSON text). */
export function fillManifest(template: unknown, values: Record<string, string>): unknown {
  if (typeof template === 'string') {
    return template.replace(PLACEHOLDER, (_match, key: string) => {
      const filled = values[key];
      if (filled === undefined) throw new PackageError(`The manifest uses \${{${key}}}, which package:teams does not know.`);
      return filled;
    });
  }
  if (Array.isArray(template)) return template.map((item) => fillManifest(item, values));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, item]) => [key, fillManifest(item, values)]));
  }
  return template;
}

export function buildTeamsPackage(env: Env, manifestDir = MANIFEST_DIR): { zip: Buffer; manifest: unknown } {
  const packageVersion = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const manifest = fillManifest(JSON.parse(readFileSync(resolve(manifestDir, 'manifest.json'), 'utf8')), placeholderValues(env, packageVersion));
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: readFileSync(resolve(manifestDir, 'color.png')) },
    { name: 'outline.png', data: readFileSync(resolve(manifestDir, 'outline.png')) },
  ]);
  return { zip, manifest };
}

function main(argv: string[]): number {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 && argv[outIndex + 1] ? resolve(argv[outIndex + 1]!) : DEFAULT_OUT;
  try {
    process.loadEnvFile(resolve(ROOT, '.env'));
  } catch {
    // no .env: the environment alone
  }
  try {
    const { zip, manifest } = buildTeamsPackage(process.env);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    const { id, bots } = manifest as { id: string; bots: Array<{ botId: string }> };
    console.log(`Wrote ${out} (${zip.length.toLocaleString('en-US')} bytes): Teams app ${id}, bot ${bots[0]?.botId}.`);
    console.log('Upload it in Teams: Apps → Manage your apps → Upload an app → Upload a custom app.');
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
