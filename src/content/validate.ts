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
