import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempSqlite, type TestDatabase } from '../storage/databases.ts';
import { slackMessage, startTestApp, type TestApp } from './app-fixtures.ts';

describe('POLICY_FILE', () => {
  let db: TestDatabase;
  let app: TestApp | undefined;
  const dirs: string[] = [];

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await db.cleanup();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('feeds the organization profile to reviews, including managers\' own nudges', async () => {
    db = tempSqlite();
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    dirs.push(dir);
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, 'organization:\n  name: Example Corp\ncodenames: [Falcon]\nclients: [Globex]\n');
    app = await startTestApp(db, { env: { POLICY_FILE: file } });
    expect(app.core.policy?.codenames).toEqual(['Falcon']);
    const reply = await app.core.handle(slackMessage('nudge <#C0GENERAL1|general> Big news: Project Falcon ships to Globex next week, tell your friends!'));
    expect(reply.kind).toBe('error');
    expect(reply.text).toContain('Falcon');
    expect(app.slackPoster.posts).toEqual([]);
  });

  it('stops the start with a message naming POLICY_FILE when the file is missing', async () => {
    db = tempSqlite();
    await expect(startTestApp(db, { env: { POLICY_FILE: '/nonexistent/policy.yaml' } })).rejects.toThrow(/^POLICY_FILE: .*policy\.yaml.*does not exist.* Fix the file, or unset POLICY_FILE\.$/s);
  });
});
