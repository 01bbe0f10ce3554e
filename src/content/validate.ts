import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { SocialCheckError } from '../core/errors.ts';

/**
 * Small, explicit validators for content files. Every problem names the file and
 * the field, so a content author can fix it without reading code.
 */
export class ContentProblems {
  readonly problems: string[] = [];

  add(file: string, message: string): void {
    this.problems.push(`${file}: ${message}`);
  }

  throwIfAny(): void {
    if (this.problems.length > 0) {
      throw new SocialCheckError(
        'content_invalid',
        `The content in content/ is invalid (${this.problems.length} problem${this.problems.length === 1 ? '' : 's'}):\n- ${this.problems.join('\n- ')}`,
      );
    }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');
}

export function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Reports keys the schema does not know (typos like `exmaples`). */
export function checkKeys(problems: ContentProblems, file: string, where: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.add(file, `${where}unknown key "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

/**
 * Reads a YAML file of content/. A missing file (when `missing` says what to tell)
 * or one that does not parse is a problem named by `file`, and gives undefined;
 * otherwise `{ data }` (data may itself be undefined: an empty file).
 */
export function readContentYaml(path: string, file: string, problems: ContentProblems, missing?: string): { data: unknown } | undefined {
  if (missing !== undefined && !existsSync(path)) {
    problems.add(file, missing);
    return undefined;
  }
  try {
    return { data: parseYaml(readFileSync(path, 'utf8')) as unknown };
  } catch (error) {
    problems.add(file, `not valid YAML (${(error as Error).message.split('\n')[0]})`);
    return undefined;
  }
}
