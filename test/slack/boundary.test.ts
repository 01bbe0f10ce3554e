/** The renderer, views, parsing and escaping are pure data modules: no Slack SDK, no I/O. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../../adapters/slack/', import.meta.url);
const PURE = ['render.ts', 'escape.ts', 'views.ts', 'block-types.ts', 'limits.ts', 'parse-text.ts', 'inbound.ts', 'action-ids.ts', 'ttl-cache.ts'];

describe('adapters/slack boundaries', () => {
  it.each(PURE)('%s imports no SDK and does no I/O', (file) => {
    const source = readFileSync(new URL(file, DIR), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(imports.filter((name) => !name!.startsWith('.'))).toEqual([]);
    expect(source).not.toMatch(/\bfetch\(|node:fs|node:http|process\.env/);
  });

  it('every adapter file stays small (under 400 lines)', () => {
    for (const file of readdirSync(DIR)) {
      const lines = readFileSync(new URL(file, DIR), 'utf8').split('\n').length;
      expect(lines, file).toBeLessThan(400);
    }
  });
});
