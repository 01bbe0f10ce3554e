import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const SCHEMA_DIR = new URL('fixtures/manifest-schema/', import.meta.url);
const MANIFEST = new URL('../../manifest/slack.yaml', import.meta.url);

function validator() {
  // The official schema uses a non-standard `regex` keyword beside `pattern`; declare it rather than ignore unknown keywords.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const schema = JSON.parse(readFileSync(new URL('manifest.schema.1.0.0.json', SCHEMA_DIR), 'utf8')) as object;
  return ajv.compile(schema);
}

interface Manifest {
  features: { slash_commands: Array<{ command: string; should_escape?: boolean; url?: string }>; shortcuts: Array<{ type: string; callback_id: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[]; request_url?: string }; interactivity: { is_enabled: boolean; request_url?: string } };
}

describe('manifest/slack.yaml', () => {
  const validate = validator();

  it('validates against the official manifest schema 1.0.0', () => {
    const manifest: unknown = parse(readFileSync(MANIFEST, 'utf8'));
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema is really checked: the upstream invalid example fails, the valid one passes', () => {
    const load = (name: string): unknown => JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8'));
    expect(validate(load('example_manifest.v1.valid.json'))).toBe(true);
    expect(validate(load('example_manifest.v1.invalid.json'))).toBe(false);
  });

  it('declares what the adapter handles, with only the scopes it needs', () => {
    const manifest = parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/social-check', should_escape: true, url: 'https://YOUR-HOST/slack/events' })]);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: 'check_before_posting' })]);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://YOUR-HOST/slack/events');
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' });
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history', 'users:read']);
  });
});
