/**
 * The organization profile (`--policy FILE`): the loader validates the file and
 * names the key on every problem; in a review, a codename is confidential, the
 * company or a client next to a complaint is workplace criticism, a statement
 * in the company's name is employer voice, extra terms add flags, and the
 * company's contacts and disclaimer appear in the advice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSocialCheckError } from '../../src/core/errors.ts';
import { loadPolicyFile } from '../../src/review/load-policy.ts';
import { review } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'social-check-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function policyFile(source: string): string {
  const path = join(dir, `policy-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, source);
  return path;
}

function errorOf(path: string): string {
  try {
    loadPolicyFile(path);
  } catch (error) {
    expect(isSocialCheckError(error, 'policy_invalid')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected policy_invalid');
}

describe('loadPolicyFile', () => {
  it('reads the contract keys and the extra ones', () => {
    const path = policyFile(`organization:
  name: Example Corp
  aliases: [Example]
codenames: [Falcon]
clients: [Globex]
disclaimer: Views are my own.
policyUrl: https://intranet.example.com/social
commsContact: "#comms"
extraTerms:
  confidential: [Project Nightjar]
`);
    expect(loadPolicyFile(path)).toEqual({
      organization: { name: 'Example Corp', aliases: ['Example'] },
      codenames: ['Falcon'],
      clients: ['Globex'],
      disclaimer: 'Views are my own.',
      policyUrl: 'https://intranet.example.com/social',
      commsContact: '#comms',
      extraTerms: { confidential: ['Project Nightjar'] },
    });
  });

  it.each([
    ['codename: [Falcon]\n', 'unknown key "codename" (allowed: organization, codenames, clients, disclaimer, policyUrl, commsContact, extraTerms)'],
    ['organization:\n  nom: Example\n', 'unknown key "organization.nom" (allowed: name, aliases)'],
    ['codenames: Falcon, Bluebird\n', ''],
    ['clients: {a: 1}\n', 'clients must be a list of names'],
    ['codenames: [Falcon, ""]\n', 'codenames[1] is empty'],
    ['policyUrl: intranet/social\n', 'policyUrl must be an http(s) address'],
    ['extraTerms:\n  gossip: [x]\n', 'extraTerms.gossip is not a risk category'],
    ['organization: [a, b]\n', 'organization must be a mapping with name and aliases'],
    ['', 'it is empty'],
    ['organization: {name: [unclosed\n', 'it is not valid YAML'],
  ])('%j fails naming the key', (source, message) => {
    const path = policyFile(source);
    if (message === '') {
      // A single string is accepted as one name (YAML authors often forget the brackets).
      expect(loadPolicyFile(path).codenames).toEqual(['Falcon, Bluebird']);
      return;
    }
    const error = errorOf(path);
    expect(error).toContain(path);
    expect(error).toContain(message);
  });

  it('a missing file', () => {
    expect(errorOf(join(dir, 'nope.yaml'))).toContain('the file does not exist');
  });
});

describe('the profile in a review', () => {
  const policy = loadPolicyFile(
    policyFile(`organization: {name: Example Corp, aliases: [Example]}
codenames: [Falcon]
clients: [Globex]
commsContact: "#comms or press@example.com"
disclaimer: Views are my own, not my employer's.
policyUrl: https://intranet.example.com/social
extraTerms:
  confidential: [Project Nightjar]
  controversial: [crypto]
`),
  );

  it('a codename is confidential', () => {
    expect(review('Falcon is nearly ready!', { policy }).flags.map((flag) => [flag.category, flag.words])).toEqual([['confidential', 'Falcon']]);
  });

  it('the same word without the profile is fine', () => {
    expect(review('Falcon is nearly ready!').flags).toEqual([]);
  });

  it('a client next to a complaint is workplace criticism; next to praise it is not', () => {
    expect(review('Globex is a total disaster to work with.', { policy }).flags.map((flag) => flag.category)).toEqual(['workplace-criticism']);
    expect(review('Globex is a wonderful partner, thank you!', { policy }).flags).toEqual([]);
  });

  it('a statement in the company\'s name is employer voice, with the company\'s contact in the advice', () => {
    const result = review('Example Corp apologizes for the outage and will refund everyone.', { policy });
    expect(result.flags.map((flag) => [flag.category, flag.words])).toEqual([['employer-voice', 'Example Corp apologizes']]);
    expect(result.advice).toContain('Your company asks that questions about what you can say go to #comms or press@example.com.');
    expect(result.advice).toContain('If you post about work from a personal account, your company suggests adding: "Views are my own, not my employer\'s."');
    expect(result.advice).toContain("Your company's social media policy: https://intranet.example.com/social");
  });

  it('extra terms add flags in their category', () => {
    expect(review('Project Nightjar demo went well', { policy }).flags.map((flag) => [flag.category, flag.ruleId])).toEqual([['confidential', 'policy-confidential']]);
    expect(review('All in on crypto this year', { policy }).flags.map((flag) => flag.category)).toEqual(['controversial']);
  });
});
