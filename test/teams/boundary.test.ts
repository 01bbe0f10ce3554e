/**
 * botbuilder is archived upstream: it stays sealed inside adapters/teams, so
 * moving to @microsoft/agents-hosting touches one folder (docs/teams-setup.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = new Set(['node_modules', '.git', 'build', 'dist', 'data']);
const BOTBUILDER = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:botbuilder|botframework-)[^'"]*['"]/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

test('only adapters/teams imports botbuilder', () => {
  const offenders = sourceFiles(ROOT)
    .map((path) => relative(ROOT, path))
    .filter((path) => !path.startsWith('adapters/teams/') && !path.startsWith('test/teams/boundary.test.ts'))
    .filter((path) => BOTBUILDER.test(readFileSync(join(ROOT, path), 'utf8')));
  expect(offenders).toEqual([]);
});

test('adapters/teams imports no Slack SDK and no other adapter', () => {
  const offenders = sourceFiles(join(ROOT, 'adapters/teams'))
    .map((path) => relative(ROOT, path))
    .filter((path) => /from\s+['"](?:@slack\/|\.\.\/slack\/)/.test(readFileSync(join(ROOT, path), 'utf8')));
  expect(offenders).toEqual([]);
});
