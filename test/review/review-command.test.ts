/**
 * `social-check review` through the real core: the readable terminal text and
 * the JSON object of `review --jsonl`, with offsets into the original text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewForCli } from '../../src/cli/review-command.ts';
import { bootCore, type Core } from '../../src/core/create-core.ts';
import { isSocialCheckError } from '../../src/core/errors.ts';
import { POLICY } from './helpers.ts';

let core: Core;
let withPolicy: Core;
beforeAll(() => {
  core = bootCore();
  withPolicy = bootCore({ policy: POLICY });
});

describe('reviewForCli', () => {
  it('returns the JSON of the contract with exact offsets', async () => {
    const text = '🎉 So hungover lol, text me at 415-555-0198';
    const { json } = await reviewForCli(core, text, {});
    expect(json.verdict).toBe('risky');
    expect(json.audience).toBe('nobody');
    expect(json.flags.map((flag) => [flag.category, text.slice(flag.start, flag.end)])).toEqual([
      ['nightlife', 'hungover'],
      ['personal-data', '415-555-0198'],
    ]);
    expect(Object.keys(json.flags[0]!)).toEqual(['category', 'start', 'end', 'message']);
  });

  it('prints readable text: the words, why, a safer alternative and the audience; no buttons', async () => {
    const { human } = await reviewForCli(core, 'damn, Monday again', { platform: 'linkedin', strategy: 'custom' });
    expect(human).toContain('Verdict: caution · audience: a personal circle only');
    expect(human).toContain('[profanity] "damn"');
    expect(human).toContain('Why: ');
    expect(human).toContain('Instead: ');
    expect(human).toContain('"Connections only" still reaches your boss');
    expect(human).not.toContain('[This is fine, ignore it');
  });

  it('uses the organization profile the core was booted with', async () => {
    const { json } = await reviewForCli(withPolicy, 'Falcon launches in May', {});
    expect(json.flags.map((flag) => flag.category)).toEqual(['confidential']);
    expect((await reviewForCli(core, 'Falcon launches in May', {})).json.flags).toEqual([]);
  });

  it('an ok draft', async () => {
    expect((await reviewForCli(core, 'Grateful for my manager and my team.', {})).json).toEqual({ verdict: 'ok', audience: 'everyone', flags: [] });
  });

  it('an empty draft is an input error, not a review', async () => {
    await expect(reviewForCli(core, '   ', {})).rejects.toSatisfy((error) => isSocialCheckError(error, 'input_empty'));
  });
});
