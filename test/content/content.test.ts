import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { heldOutQuestions } from '../../bench/qa-data.ts';
import { DEFAULT_CONTENT_DIR, loadContent } from '../../src/content/load-content.ts';
import { ANSWER_WORDS, countWords, MIN_EXAMPLES } from '../../src/content/load-topics.ts';
import { TOPIC_IDS } from '../../src/content/topics.ts';
import { isSocialCheckError } from '../../src/core/errors.ts';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sc-content-'));
  temps.push(dir);
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  return dir;
}

function loadError(dir: string): string {
  try {
    loadContent(dir);
  } catch (error) {
    expect(isSocialCheckError(error, 'content_invalid')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected the content to be rejected');
}

describe('the shipped content', () => {
  const content = loadContent();

  it('has one topic per contract topic id, each with enough examples and a chat-sized answer', () => {
    expect(content.topics.map((topic) => topic.id).sort()).toEqual([...TOPIC_IDS].sort());
    for (const topic of content.topics) {
      expect(topic.examples.length, topic.id).toBeGreaterThanOrEqual(MIN_EXAMPLES);
      const words = countWords(topic.body);
      expect(words, topic.id).toBeGreaterThanOrEqual(ANSWER_WORDS.min);
      expect(words, topic.id).toBeLessThanOrEqual(ANSWER_WORDS.max);
      expect(topic.related.length, topic.id).toBeGreaterThan(0);
      for (const related of topic.related) expect(content.topicsById.has(related), `${topic.id} → ${related}`).toBe(true);
    }
  });

  it('keeps at least 5 unseen held-out questions per topic', () => {
    const heldOut = heldOutQuestions(content);
    for (const id of TOPIC_IDS) expect(heldOut.filter((row) => row.label === id).length, id).toBeGreaterThanOrEqual(5);
    expect(heldOut.filter((row) => row.label === 'out-of-scope').length).toBeGreaterThanOrEqual(40);
  });

  it('has a 5-7 question quiz with a result for each strategy', () => {
    expect(content.quiz.questions.length).toBeGreaterThanOrEqual(5);
    expect(content.quiz.questions.length).toBeLessThanOrEqual(7);
    expect(Object.keys(content.quiz.results).sort()).toEqual(['audience', 'content', 'custom', 'open']);
  });
});

describe('content validation names the file and the problem', () => {
  it('rejects a related topic that does not exist', () => {
    const dir = copyOfContent();
    const file = join(dir, 'topics', 'authenticity.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^related: \[/m, 'related: [no-such-topic, '));
    expect(loadError(dir)).toContain('topics/authenticity.md: related topic "no-such-topic" does not exist');
  });

  it('rejects a missing topic file', () => {
    const dir = copyOfContent();
    rmSync(join(dir, 'topics', 'hiring-screening.md'));
    expect(loadError(dir)).toContain('topics/hiring-screening.md: topic "hiring-screening" is missing');
  });

  it('rejects an id that does not match its file name, and a broken front matter', () => {
    const dir = copyOfContent();
    const file = join(dir, 'topics', 'authenticity.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: authenticity$/m, 'id: politics-opinions'));
    writeFileSync(join(dir, 'topics', 'culture-context.md'), '---\nid: [unclosed\n---\nbody');
    const message = loadError(dir);
    expect(message).toContain('topics/authenticity.md: id "politics-opinions" must match the file name');
    expect(message).toContain('topics/culture-context.md: front matter is not valid YAML');
  });

  it('rejects too few examples and a too-long answer', () => {
    const dir = copyOfContent();
    const file = join(dir, 'topics', 'strategies.md');
    const source = readFileSync(file, 'utf8');
    const [, front = '', body = ''] = source.split(/^---$/m);
    const trimmedFront = front.replace(/examples:\n(?:\s+- .*\n)+/, 'examples:\n  - one\n  - two\n');
    writeFileSync(file, `---${trimmedFront}---${body}\n${'word '.repeat(200)}`);
    const message = loadError(dir);
    expect(message).toContain('topics/strategies.md: needs at least 15 examples (has 2)');
    expect(message).toMatch(/topics\/strategies\.md: answer has \d+ words/);
  });

  it('rejects a quiz option that scores an unknown strategy', () => {
    const dir = copyOfContent();
    const file = join(dir, 'quiz.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('scores: { custom: 3 }', 'scores: { bold: 3 }'));
    expect(loadError(dir)).toMatch(/quiz\.yaml: questions\[2\]\.options\[0\] scores must map strategies/);
  });
});
