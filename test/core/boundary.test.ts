import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
}

describe('the core boundary', () => {
  // Why: the core must stay platform-neutral so adapters can change (botbuilder is archived upstream).
  it('src/ never imports a platform SDK or an adapter', () => {
    const offenders = sourceFiles(join(ROOT, 'src')).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => /^@slack\//.test(specifier) || /^botbuilder/.test(specifier) || /^@microsoft\//.test(specifier) || /adapters\//.test(specifier))
        .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  // Why: moving Teams to @microsoft/agents-hosting must stay a one-folder change.
  it('botbuilder is imported only inside adapters/teams', () => {
    const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'adapters'))].filter((file) => !file.includes(join('adapters', 'teams')));
    const offenders = files.flatMap((file) => importsOf(file).filter((specifier) => /^botbuilder/.test(specifier)).map((specifier) => `${relative(ROOT, file)} imports ${specifier}`));
    expect(offenders).toEqual([]);
  });

  // Why: importing `natural` at its root runs dotenv, which prints on stdout and reads .env.
  it('natural is only loaded by path through src/nlp/natural.ts', () => {
    const offenders = sourceFiles(join(ROOT, 'src')).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier === 'natural')
        .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds imports in a sample (the scanner itself works)', () => {
    expect(importsOf(join(ROOT, 'src', 'core', 'create-core.ts'))).toContain('./errors.ts');
  });
});
