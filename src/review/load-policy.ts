/**
 * Loads an organization profile (`--policy FILE`, `POLICY_FILE`): YAML with
 * `organization.name`/`organization.aliases`, `codenames`, `clients`, and
 * optionally `disclaimer`, `policyUrl`, `commsContact` and `extraTerms` (terms
 * per risk category). Every problem throws `policy_invalid` naming the file and
 * the key, so an administrator can fix it without reading code.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { SocialCheckError } from '../core/errors.ts';
import type { OrgProfile } from '../core/ports.ts';
import { RISK_CATEGORIES, type RiskCategory } from '../core/types.ts';

const TOP_KEYS = ['organization', 'codenames', 'clients', 'disclaimer', 'policyUrl', 'commsContact', 'extraTerms'] as const;
const MAX_NAMES = 500;
const MAX_NAME_LENGTH = 100;

function fail(file: string, message: string, cause?: unknown): never {
  throw new SocialCheckError('policy_invalid', `The policy file ${file} is invalid: ${message}`, cause === undefined ? undefined : { cause });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function names(file: string, key: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) fail(file, `${key} must be a list of names, e.g. ${key}: [Falcon, Bluebird]`);
  if (list.length > MAX_NAMES) fail(file, `${key} has ${list.length} entries; the limit is ${MAX_NAMES}`);
  return list.map((item, index) => {
    if (typeof item !== 'string' && typeof item !== 'number') fail(file, `${key}[${index}] must be a name (text)`);
    const name = String(item).trim();
    if (name === '') fail(file, `${key}[${index}] is empty`);
    if (name.length > MAX_NAME_LENGTH) fail(file, `${key}[${index}] is longer than ${MAX_NAME_LENGTH} characters`);
    return name;
  });
}

function text(file: string, key: string, value: unknown, maxLength: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') fail(file, `${key} must be a non-empty text`);
  if (value.length > maxLength) fail(file, `${key} is longer than ${maxLength} characters`);
  return value.trim();
}

/** Validates parsed policy data; `file` names it in errors. */
export function parsePolicy(data: unknown, file: string): OrgProfile {
  if (data === undefined || data === null) fail(file, 'it is empty; expected keys like organization, codenames, clients');
  if (!isRecord(data)) fail(file, 'expected a mapping with keys like organization, codenames, clients');
  for (const key of Object.keys(data)) {
    if (!(TOP_KEYS as readonly string[]).includes(key)) fail(file, `unknown key "${key}" (allowed: ${TOP_KEYS.join(', ')})`);
  }
  const profile: OrgProfile = {};
  if (data.organization !== undefined && data.organization !== null) {
    const organization = typeof data.organization === 'string' ? { name: data.organization } : data.organization;
    if (!isRecord(organization)) fail(file, 'organization must be a mapping with name and aliases');
    for (const key of Object.keys(organization)) {
      if (key !== 'name' && key !== 'aliases') fail(file, `unknown key "organization.${key}" (allowed: name, aliases)`);
    }
    const name = text(file, 'organization.name', organization.name, MAX_NAME_LENGTH);
    const aliases = names(file, 'organization.aliases', organization.aliases);
    profile.organization = {};
    if (name !== undefined) profile.organization.name = name;
    if (aliases !== undefined) profile.organization.aliases = aliases;
  }
  const codenames = names(file, 'codenames', data.codenames);
  if (codenames) profile.codenames = codenames;
  const clients = names(file, 'clients', data.clients);
  if (clients) profile.clients = clients;
  const disclaimer = text(file, 'disclaimer', data.disclaimer, 500);
  if (disclaimer) profile.disclaimer = disclaimer;
  const commsContact = text(file, 'commsContact', data.commsContact, 200);
  if (commsContact) profile.commsContact = commsContact;
  const policyUrl = text(file, 'policyUrl', data.policyUrl, 500);
  if (policyUrl) {
    let url: URL | undefined;
    try {
      url = new URL(policyUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) fail(file, 'policyUrl must be an http(s) address');
    profile.policyUrl = policyUrl;
  }
  if (data.extraTerms !== undefined && data.extraTerms !== null) {
    if (!isRecord(data.extraTerms)) fail(file, `extraTerms must be a mapping from a risk category (${RISK_CATEGORIES.join(', ')}) to a list of terms`);
    const extra: Partial<Record<RiskCategory, string[]>> = {};
    for (const [category, terms] of Object.entries(data.extraTerms)) {
      if (!(RISK_CATEGORIES as readonly string[]).includes(category)) fail(file, `extraTerms.${category} is not a risk category (${RISK_CATEGORIES.join(', ')})`);
      const list = names(file, `extraTerms.${category}`, terms);
      if (list) extra[category as RiskCategory] = list;
    }
    profile.extraTerms = extra;
  }
  return profile;
}

export function loadPolicyFile(path: string): OrgProfile {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(path, code === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${code ?? 'unknown error'})`, error);
  }
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    fail(path, `it is not valid YAML (${(error as Error).message.split('\n')[0]})`, error);
  }
  return parsePolicy(data, path);
}
