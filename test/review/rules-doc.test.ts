/** docs/rules.md is generated from the rule data; this fails when someone changed the rules without regenerating it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc, RULES_DOC } from '../../scripts/generate-rules-doc.ts';
import { rules } from './helpers.ts';

describe('docs/rules.md', () => {
  it('is current (run: node --import tsx scripts/generate-rules-doc.ts)', () => {
    expect(readFileSync(RULES_DOC, 'utf8')).toBe(renderRulesDoc(rules()));
  });

  it('documents every rule', () => {
    const doc = renderRulesDoc(rules());
    for (const rule of rules().rules) expect(doc).toContain(`| \`${rule.id}\` |`);
  });
});
