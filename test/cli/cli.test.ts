import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { MAX_TEXT_LENGTH } from '../../src/core/create-core.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'sc-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command line in-process with the given stdin. */
async function cli(argv: string[], stdin = ''): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const code = await runCli(argv, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('social-check ask', () => {
  it('prints the answer a person would get, as readable text', async () => {
    const run = await cli(['ask', 'my boss sent me a friend request on facebook, should I accept?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('== Friend requests with your manager or reports ==');
    expect(run.stdout).toContain('Next step:');
    expect(run.stderr).toBe('');
  });

  it('answers JSON lines in batch, with a per-line error that does not stop the batch', async () => {
    const input = [
      '{"id":"a","text":"what counts as confidential?"}',
      'not json',
      '{"id":7}',
      '{"id":"b","text":"   "}',
      `{"id":"c","text":"${'x'.repeat(MAX_TEXT_LENGTH + 1)}"}`,
      '',
      '{"id":"d","text":"what is the capital of peru"}',
    ].join('\n');
    const run = await cli(['ask', '--jsonl'], input);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.id)).toEqual(['a', null, 7, 'b', 'c', 'd']);
    expect(lines[0]).toMatchObject({ id: 'a', topic: 'confidential-info' });
    expect(typeof lines[0]!.confidence).toBe('number');
    expect(lines[0]!.answer).toContain('Confidential');
    expect(lines[1]).toEqual({ id: null, error: 'line 2: not valid JSON; expected {"id": ..., "text": "..."}' });
    expect(lines[2]).toEqual({ id: 7, error: 'missing "text" (a string)' });
    expect(lines[3]).toEqual({ id: 'b', error: '"text" is empty' });
    expect(lines[4]!.error).toContain('"text" is too long');
    expect(lines[5]).toMatchObject({ id: 'd', topic: 'out-of-scope' });
  });

  it('fills the company policy answer from an organization profile', async () => {
    const policy = join(dir, 'policy.yaml');
    writeFileSync(policy, 'organization:\n  name: Example Corp\npolicyUrl: https://intranet.example/social\n');
    const run = await cli(['ask', '--policy', policy, 'what does our social media policy say?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Example Corp's social media policy");
    expect(run.stdout).toContain('https://intranet.example/social');
  });
});

describe('social-check review', () => {
  it('prints flags with the exact words, why, a safer alternative and the audience', async () => {
    const run = await cli(['review', 'So hungover today, my boss is an idiot. Call me at 415-555-0132']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"hungover"');
    expect(run.stdout).toContain('415-555-0132');
    expect(run.stdout).toMatch(/Why: /);
    expect(run.stdout).toMatch(/Instead: /);
    expect(run.stdout).toMatch(/nobody/);
  });

  it('reviews JSON lines with UTF-16 offsets into the original text', async () => {
    const text = 'Wasted 🍻🍻 at the Falcon launch party';
    const run = await cli(['review', '--jsonl', '--policy', join(ROOT, 'examples', 'policy.yaml')], `${JSON.stringify({ id: 1, text })}\n{"text":""}\n`);
    const [first, second] = jsonLines(run.stdout);
    expect(first).toMatchObject({ id: 1, verdict: 'risky', audience: 'nobody' });
    const flags = first!.flags as Array<{ category: string; start: number; end: number; message: string }>;
    expect(flags.map((flag) => [flag.category, text.slice(flag.start, flag.end)])).toContainEqual(['confidential', 'Falcon']);
    expect(second).toEqual({ id: null, error: '"text" is empty' });
  });

  it('reads the draft from stdin with "-"', async () => {
    const run = await cli(['review', '--json', '-'], 'Proud of my team for our public launch today!');
    expect(JSON.parse(run.stdout)).toEqual({ verdict: 'ok', audience: 'everyone', flags: [] });
  });

  it.each([
    [['review'], /Missing the draft/],
    [['review', '--strategy', 'bold', 'hi'], /--strategy must be one of: open, audience, content, custom/],
    [['review', '--platform', 'myspace', 'hi'], /--platform must be one of/],
    [['review', '--policy'], /--policy needs a value/],
    [['review', '--nope', 'hi'], /Unknown option --nope/],
    [['review', '--jsonl', 'a draft'], /--jsonl reads drafts from stdin/],
  ])('refuses %j with a clear message and exit code 2', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('names the file and the key of a bad organization profile', async () => {
    const policy = join(dir, 'bad-policy.yaml');
    writeFileSync(policy, 'codenames: { Falcon: 1 }\n');
    const run = await cli(['review', '--policy', policy, 'hello']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad-policy.yaml');
    expect(run.stderr).toContain('codenames');
  });

  it('says a missing profile file is missing', async () => {
    const run = await cli(['review', '--policy', join(dir, 'nope.yaml'), 'hello']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nope.yaml');
  });
});

describe('social-check quiz, utterances and help', () => {
  it('runs the quiz with piped answers (numbers or the start of a label) and recommends a strategy', async () => {
    const run = await cli(['quiz'], '2\n2\n1\nall\nsomewhat\n3\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Question 1 of 6');
    expect(run.stdout).toContain('Question 6 of 6');
    expect(run.stdout).toContain('Your best fit: the Custom strategy');
    expect(run.stdout).toContain('--strategy custom');
  });

  it('asks again after an answer it does not understand, and stops cleanly at end of input', async () => {
    const run = await cli(['quiz'], '9\n1\n');
    expect(run.stdout).toContain('Please type a number from 1 to 3.');
    expect(run.stdout).toContain('Question 2 of 6');
    expect(run.stdout).toContain('Quiz stopped before the end');
    expect(run.code).toBe(1);
  });

  it('prints every example question as a JSON line', async () => {
    const run = await cli(['utterances']);
    const lines = jsonLines(run.stdout);
    expect(lines.length).toBeGreaterThan(24 * 15);
    expect(lines[0]).toEqual({ topic: expect.any(String), text: expect.any(String) });
    expect(new Set(lines.map((line) => line.topic)).size).toBe(24);
  });

  it.each(['ask', 'review', 'quiz', 'utterances'])('has --help for %s', async (command) => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: social-check /);
  });

  it('explains an unknown command', async () => {
    const run = await cli(['reveiw', 'hi']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "reveiw"');
  });

  it('works as the installed bin (npx social-check)', async () => {
    const run = await new Promise<Run>((resolve) => {
      const child = execFile(process.execPath, [join(ROOT, 'bin', 'social-check.js'), 'review', '--jsonl'], { cwd: dir }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
      child.stdin!.end('{"id":"smoke","text":"My boss is an idiot, call me at 415-555-0132"}\n');
    });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)[0]).toMatchObject({ id: 'smoke', verdict: 'risky' });
  });
});
