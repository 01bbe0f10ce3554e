/**
 * The rules are data, validated when they load: the shipped content has no
 * problem, and broken rule files fail with the file and the entry named
 * (duplicate ids and terms, unsafe or invalid regexes, unknown keys, missing
 * categories). Each rule's own examples (shown in docs/rules.md) hold.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../../src/content/load-content.ts';
import { ContentProblems } from '../../src/content/validate.ts';
import { RISK_CATEGORIES } from '../../src/core/types.ts';
import { loadRules } from '../../src/review/load-rules.ts';
import { review, rules } from './helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of content/ with one rule file changed. */
function withRuleFile(name: string, change: (source: string) => string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'social-check-rules-'));
  dirs.push(dir);
  cpSync(join(DEFAULT_CONTENT_DIR, 'rules'), join(dir, 'rules'), { recursive: true });
  cpSync(join(DEFAULT_CONTENT_DIR, 'review'), join(dir, 'review'), { recursive: true });
  const path = join(dir, 'rules', name);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  const problems = new ContentProblems();
  loadRules(dir, problems);
  return problems.problems;
}

describe('the shipped rules', () => {
  it('load without a problem and cover the eleven categories', () => {
    const problems = new ContentProblems();
    const book = loadRules(DEFAULT_CONTENT_DIR, problems);
    expect(problems.problems).toEqual([]);
    expect(book.categories.map((info) => info.category).sort()).toEqual([...RISK_CATEGORIES].sort());
    for (const category of RISK_CATEGORIES) expect(book.rules.some((rule) => rule.category === category)).toBe(true);
  });

  it('have hedged messages, a why and a suggestion for every rule', () => {
    for (const rule of rules().rules) {
      expect(rule.message, rule.id).toMatch(/may|might|could|consider/i);
      expect(rule.why.length, rule.id).toBeGreaterThan(40);
      expect(rule.suggestion, rule.id).toMatch(/\S/);
    }
  });

  describe.each(rules().rules.filter((rule) => rule.examples.flagged.length + rule.examples.fine.length > 0).map((rule) => [rule.id, rule] as const))('rule %s: its examples hold', (_id, rule) => {
    it.each(rule.examples.flagged)('flags "%s"', (text) => {
      expect(review(text).flags.map((flag) => flag.category)).toContain(rule.category);
    });
    it.each(rule.examples.fine)('does not flag "%s"', (text) => {
      expect(review(text).flags.map((flag) => flag.category)).not.toContain(rule.category);
    });
  });
});

describe('broken rule files fail with the file and entry named', () => {
  it('a duplicate rule id', () => {
    expect(withRuleFile('location.yaml', (source) => source.replace('id: right-now', 'id: empty-home'))).toContain('rules/location.yaml: rule "empty-home": duplicate id (also in rules/location.yaml)');
  });

  it('a term listed twice in one rule, even spelled differently', () => {
    expect(withRuleFile('job-search.yaml', (source) => source.replace('      - job hunting\n', '      - job hunting\n      - Job-Hunting\n'))).toContain(
      'rules/job-search.yaml: rule "planning-to-quit": terms lists "Job-Hunting" twice',
    );
  });

  it('the same unconditional term in two rules', () => {
    expect(withRuleFile('profanity.yaml', (source) => source.replace('      - damn\n', '      - damn\n      - wtf\n'))).toContain(
      'rules/profanity.yaml: rule "mild-swearing": term "wtf" is already a term of rule "strong-swearing" (rules/profanity.yaml)',
    );
  });

  it('a regex that could backtrack catastrophically', () => {
    expect(withRuleFile('nightlife.yaml', (source) => source.replace("patterns: ['🌿 ?💨']", "patterns: ['(a+)+b']"))).toContain(
      'rules/nightlife.yaml: rule "drugs": pattern /(a+)+b/ repeats a group that holds an unbounded quantifier (nested quantifiers): it could backtrack catastrophically',
    );
  });

  it('a regex that does not compile', () => {
    const problems = withRuleFile('nightlife.yaml', (source) => source.replace("patterns: ['🌿 ?💨']", "patterns: ['[a-']"));
    expect(problems.some((problem) => problem.startsWith('rules/nightlife.yaml: rule "drugs": pattern /[a-/ does not compile'))).toBe(true);
  });

  it('an unknown key (a typo)', () => {
    expect(withRuleFile('location.yaml', (source) => source.replace('    firstPerson: false\n', '    firstPersn: true\n'))).toContain(
      'rules/location.yaml: rule "right-now": unknown key "firstPersn" (allowed: id, terms, patterns, detector, policyTerms, near, within, sentiment, unless, firstPerson, negatable, caseSensitive, firm, message, why, suggestion, replacement, severity, audience, examples)',
    );
  });

  it('an id the learned model reserves', () => {
    expect(withRuleFile('location.yaml', (source) => source.replace('id: right-now\n', 'id: model-right-now\n'))).toContain(
      'rules/location.yaml: rule "model-right-now": ids starting with "model-" are the learned model\'s',
    );
  });

  it('a bad severity and audience', () => {
    const problems = withRuleFile('location.yaml', (source) => source.replace('id: right-now\n', 'id: right-now\n    severity: extreme\n    audience: boss\n'));
    expect(problems).toContain('rules/location.yaml: rule "right-now": severity must be low, medium or high');
    expect(problems).toContain('rules/location.yaml: rule "right-now": audience must be everyone, personal or nobody');
  });

  it('a message that is not hedged', () => {
    expect(withRuleFile('profanity.yaml', (source) => source.replace(`message: '"{words}" may read as strong swearing to a professional audience.'`, `message: '"{words}" is swearing.'`))).toContain(
      'rules/profanity.yaml: rule "strong-swearing": message should be hedged ("may read as…", "consider…")',
    );
  });

  it('an unknown detector', () => {
    const problems = withRuleFile('personal-data.yaml', (source) => source.replace('detector: email', 'detector: mail'));
    expect(problems).toContain('rules/personal-data.yaml: rule "email-address": detector must be one of email, phone, card, ssn, iban, street-address, door-code, id-number, secret');
  });

  it('a rule with nothing to match', () => {
    const problems = withRuleFile('personal-data.yaml', (source) => source.replace('    detector: email\n', ''));
    expect(problems).toContain('rules/personal-data.yaml: rule "email-address": needs terms, patterns, a detector or policyTerms');
  });

  it('a missing category file and a file named after the wrong category', () => {
    const problems = withRuleFile('location.yaml', (source) => source.replace('category: location', 'category: nightlife'));
    expect(problems).toContain('rules/location.yaml: the file for category "nightlife" must be named nightlife.yaml');
    expect(problems).toContain('rules/location.yaml: file is missing');
  });

  it('invalid YAML', () => {
    expect(withRuleFile('location.yaml', () => 'rules: [unclosed')[0]).toMatch(/^rules\/location\.yaml: not valid YAML/);
  });
});
