/**
 * The Teams app package: the manifest validates offline against the official
 * v1.30 schema (draft-04) once `package:teams` fills its placeholders, the zip
 * is readable, and the icons are what Teams asks for.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { buildTeamsPackage, fillManifest, MANIFEST_DIR, PackageError, placeholderValues } from '../../scripts/package-teams.ts';
import { decodePng } from '../../scripts/teams-png.ts';
import { crc32 } from '../../scripts/zip-writer.ts';

const APP_ID = '8d6a2b2e-4c4a-4f5e-9a51-0b8f3c1d2e77';
const TEAMS_APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const ENV = { MICROSOFT_APP_ID: APP_ID, TEAMS_APP_ID, BOT_DOMAIN: 'social-check.example.com' };

function validator() {
  const schema = JSON.parse(readFileSync(new URL('./fixtures/MicrosoftTeams.v1.30.schema.json', import.meta.url), 'utf8'));
  // The v1.30 schema has a `\p{L}` pattern: Unicode regular expressions are required (ajv's default, said explicitly).
  // Both are CommonJS modules: their classes are on `.default` under NodeNext.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

/** Reads a zip's central directory and inflates every entry, checking sizes and CRCs. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    expect(zip.readUInt32LE(localOffset)).toBe(0x04034b50);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    expect(method).toBe(8);
    const data = inflateRawSync(zip.subarray(dataStart, dataStart + compressedSize));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    files.set(name, data);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

describe('manifest', () => {
  const validate = validator();

  test('the packaged manifest, filled with sample GUIDs, is valid against the v1.30 schema', () => {
    const { manifest } = buildTeamsPackage(ENV);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('the template itself is not installable: its ids are placeholders', () => {
    const template = JSON.parse(readFileSync(`${MANIFEST_DIR}/manifest.json`, 'utf8'));
    expect(template.id).toBe('${{TEAMS_APP_ID}}');
    expect(template.bots[0].botId).toBe('${{MICROSOFT_APP_ID}}');
    expect(validate(template)).toBe(false);
  });

  test('the bot, its commands and the message extension are declared as the adapter serves them', () => {
    const manifest = buildTeamsPackage(ENV).manifest as any;
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    for (const list of manifest.bots[0].commandLists) {
      expect(list.commands.map((command: { title: string }) => command.title)).toEqual(expect.arrayContaining(['help', 'quiz', 'strategy', 'nudge', 'stats']));
    }
    expect(manifest.composeExtensions[0].botId).toBe(APP_ID);
    expect(manifest.composeExtensions[0].commands).toEqual([
      expect.objectContaining({ id: 'checkDraft', type: 'action', title: 'Check a draft', context: ['compose', 'commandBox'], fetchTask: true }),
      expect.objectContaining({ id: 'checkMessage', type: 'action', title: 'Check before posting', context: ['message'], fetchTask: true }),
    ]);
    expect(manifest.validDomains).toEqual(['social-check.example.com']);
  });
});

describe('package:teams', () => {
  test('the zip holds the filled manifest and both icons at its root', () => {
    const { zip, manifest } = buildTeamsPackage(ENV);
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(JSON.parse(files.get('manifest.json')!.toString('utf8'))).toEqual(manifest);
    expect(files.get('color.png')).toEqual(readFileSync(`${MANIFEST_DIR}/color.png`));
    expect(files.get('outline.png')).toEqual(readFileSync(`${MANIFEST_DIR}/outline.png`));
  });

  test('the same inputs give the same bytes (a reproducible package)', () => {
    expect(buildTeamsPackage(ENV).zip).toEqual(buildTeamsPackage(ENV).zip);
  });

  test('defaults: the Teams app id is the bot id, the developer pages are the bot domain, the version is the package version', () => {
    const values = placeholderValues({ MICROSOFT_APP_ID: APP_ID, BOT_DOMAIN: 'https://bot.example.com/' }, '0.1.0');
    expect(values).toEqual({
      MICROSOFT_APP_ID: APP_ID,
      TEAMS_APP_ID: APP_ID,
      BOT_DOMAIN: 'bot.example.com',
      APP_VERSION: '0.1.0',
      DEVELOPER_NAME: 'social-check',
      DEVELOPER_WEBSITE_URL: 'https://bot.example.com/',
      DEVELOPER_PRIVACY_URL: 'https://bot.example.com/',
      DEVELOPER_TERMS_URL: 'https://bot.example.com/',
    });
  });

  test("the server's MicrosoftAppId serves when MICROSOFT_APP_ID is not set", () => {
    expect(placeholderValues({ MicrosoftAppId: APP_ID, BOT_DOMAIN: 'bot.example.com' }, '0.1.0').MICROSOFT_APP_ID).toBe(APP_ID);
  });

  test('every missing or malformed setting is reported at once', () => {
    expect(() => placeholderValues({ TEAMS_APP_ID: 'nope', DEVELOPER_PRIVACY_URL: 'http://x' }, '0.1.0')).toThrow(
      new PackageError(
        [
          'Cannot build the Teams package:',
          "- MICROSOFT_APP_ID is not set (the bot's Microsoft Entra app id; MicrosoftAppId is used when set).",
          '- TEAMS_APP_ID "nope" is not a GUID.',
          '- BOT_DOMAIN is not set (the public host name of the bot, e.g. social-check.example.com).',
          '- DEVELOPER_PRIVACY_URL "http://x" must be an https:// address.',
        ].join('\n'),
      ),
    );
  });

  test('values are placed as JSON strings, so a quote in them cannot break the manifest', () => {
    expect(fillManifest({ a: ['${{X}} and "${{X}}"'] }, { X: 'say "hi"' })).toEqual({ a: ['say "hi" and "say "hi""'] });
    expect(() => fillManifest({ a: '${{UNKNOWN}}' }, {})).toThrow('The manifest uses ${{UNKNOWN}}, which package:teams does not know.');
  });
});

describe('icons', () => {
  test('color.png is 192×192 RGBA and opaque', () => {
    const icon = decodePng(readFileSync(`${MANIFEST_DIR}/color.png`));
    expect([icon.width, icon.height, icon.colorType]).toEqual([192, 192, 6]);
    const alphas = new Set<number>();
    for (let index = 3; index < icon.rgba.length; index += 4) alphas.add(icon.rgba[index]!);
    expect([...alphas]).toEqual([255]);
  });

  test('outline.png is 32×32, transparent, and white wherever it is drawn', () => {
    const icon = decodePng(readFileSync(`${MANIFEST_DIR}/outline.png`));
    expect([icon.width, icon.height, icon.colorType]).toEqual([32, 32, 6]);
    let transparent = 0;
    const colors = new Set<string>();
    for (let index = 0; index < icon.rgba.length; index += 4) {
      if (icon.rgba[index + 3] === 0) transparent += 1;
      else colors.add(`${icon.rgba[index]},${icon.rgba[index + 1]},${icon.rgba[index + 2]}`);
    }
    expect([...colors]).toEqual(['255,255,255']);
    expect(icon.rgba[3]).toBe(0); // the corner
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
  });
});
