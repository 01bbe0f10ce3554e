/** The server, storage and nudges never load a platform SDK: adapters plug in through src/server/adapter-contract.ts. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('boundary', () => {
  it.each(['src/server', 'src/storage', 'src/nudges'])('%s imports no @slack/* and no botbuilder', (dir) => {
    const offenders = files(dir).filter((file) => /from\s+['"](@slack\/|botbuilder)|import\(\s*['"](@slack\/|botbuilder)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('src/server reaches the adapters only through the contract (no imports of adapters/)', () => {
    const offenders = files('src').filter((file) => /from\s+['"](\.\.\/)+adapters\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
