import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../../src/content/load-content.ts';
import { TOPIC_IDS } from '../../src/content/topics.ts';
import { ContentProblems } from '../../src/content/validate.ts';
import { loadNudges } from '../../src/nudges/load-nudges.ts';

function contentWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nudges-'));
  mkdirSync(join(dir, 'nudges'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'nudges', name), text);
  return dir;
}

describe('the nudge library', () => {
  it('has at least 15 valid, short tips, each linked to a known topic', () => {
    const problems = new ContentProblems();
    const nudges = loadNudges(DEFAULT_CONTENT_DIR, problems);
    expect(problems.problems).toEqual([]);
    expect(nudges.length).toBeGreaterThanOrEqual(15);
    for (const nudge of nudges) {
      expect(TOPIC_IDS).toContain(nudge.topic);
      expect(nudge.text.length).toBeLessThanOrEqual(400);
    }
    expect(new Set(nudges.map((nudge) => nudge.id)).size).toBe(nudges.length);
  });

  it('names the file and the entry of each problem', () => {
    const dir = contentWith({
      'a.yaml': [
        '- id: good-tip\n  topic: strategies\n  title: Fine\n  text: A tip.',
        '- id: Bad Id\n  topic: strategies\n  title: T\n  text: x',
        '- id: good-tip\n  topic: no-such-topic\n  title: T\n  text: x\n  exmaple: typo',
        '- id: next\n  topic: strategies\n  title: T\n  text: x',
      ].join('\n'),
      'b.yaml': 'id: not-a-list',
    });
    const problems = new ContentProblems();
    const nudges = loadNudges(dir, problems);
    expect(nudges.map((nudge) => nudge.id)).toEqual(['good-tip']);
    expect(problems.problems).toEqual([
      'nudges/a.yaml: tip 2: id must be kebab-case (lower-case letters, digits and dashes), got "Bad Id"',
      'nudges/a.yaml: tip 3: unknown key "exmaple" (allowed: id, topic, title, text)',
      'nudges/a.yaml: tip 3: duplicate id "good-tip" (first in nudges/a.yaml)',
      'nudges/a.yaml: tip 3: topic "no-such-topic" is not a known topic id (see src/content/topics.ts)',
      'nudges/a.yaml: tip 4: id "next" is a command word or a topic id; pick another',
      'nudges/b.yaml: must be a YAML list of tips (- id: ..., topic: ..., title: ..., text: ...)',
    ]);
  });
});
