/**
 * Labelled drafts: the training examples of the review model
 * (content/review/examples/*.yaml) and the evaluation sets (test/fixtures/drafts).
 * Each entry has `id`, `platform`, `text`, `categories` (empty when benign),
 * `audience`, optional `policy: true` (written by an employee of the profile in
 * the folder's policy.yaml) and an optional `note`. Every problem names the file
 * and the entry.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AUDIENCES, RISK_CATEGORIES, SOCIAL_PLATFORMS, type Audience, type RiskCategory, type SocialPlatform } from '../core/types.ts';

export interface LabelledDraft {
  id: string;
  platform: SocialPlatform;
  text: string;
  categories: RiskCategory[];
  audience: Audience;
  policy: boolean;
}

/** The audience the labelling guidelines give a set of categories (see test/fixtures/drafts/README.md). */
export function expectedAudience(categories: readonly RiskCategory[], drugUse = false): Audience {
  const nobody: readonly RiskCategory[] = ['confidential', 'employer-voice', 'workplace-criticism', 'offensive', 'personal-data', 'job-search'];
  if (drugUse || categories.some((category) => nobody.includes(category))) return 'nobody';
  return categories.length > 0 ? 'personal' : 'everyone';
}

/** Parses and validates one YAML file of labelled drafts. */
export function parseLabelledDrafts(source: string, file: string): LabelledDraft[] {
  const data = parseYaml(source) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of drafts`);
  const ids = new Set<string>();
  return data.map((raw: unknown, index) => {
    const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const where = `${file}[${index}]${typeof entry.id === 'string' ? ` (${entry.id})` : ''}`;
    if (typeof entry.id !== 'string' || ids.has(entry.id)) throw new Error(`${where}: missing or duplicate id`);
    ids.add(entry.id);
    if (typeof entry.text !== 'string' || entry.text.trim() === '') throw new Error(`${where}: text is missing`);
    if (!(SOCIAL_PLATFORMS as readonly unknown[]).includes(entry.platform)) throw new Error(`${where}: unknown platform "${String(entry.platform)}"`);
    const categories = entry.categories ?? [];
    if (!Array.isArray(categories) || !categories.every((category) => (RISK_CATEGORIES as readonly unknown[]).includes(category))) {
      throw new Error(`${where}: categories must be a list of ${RISK_CATEGORIES.join(', ')}`);
    }
    if (!(AUDIENCES as readonly unknown[]).includes(entry.audience)) throw new Error(`${where}: audience must be everyone, personal or nobody`);
    return {
      id: entry.id,
      platform: entry.platform as SocialPlatform,
      text: entry.text,
      categories: [...new Set(categories as RiskCategory[])],
      audience: entry.audience as Audience,
      policy: entry.policy === true,
    };
  });
}

export function loadLabelledDrafts(path: string): LabelledDraft[] {
  return parseLabelledDrafts(readFileSync(path, 'utf8'), basename(path));
}

/** The example files of a folder (every .yaml but policy.yaml), sorted. */
export function exampleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && name !== 'policy.yaml')
    .sort()
    .map((name) => join(dir, name));
}

/** A digest of everything a trained model depends on: the example files, their profile and the settings. */
export function examplesDigest(dir: string, extra: string): string {
  const hash = createHash('sha256');
  for (const path of [...exampleFiles(dir), join(dir, 'policy.yaml')]) {
    hash.update(basename(path)).update('\0').update(readFileSync(path, 'utf8').replace(/\r\n/g, '\n')).update('\0');
  }
  return hash.update(extra).digest('hex');
}
