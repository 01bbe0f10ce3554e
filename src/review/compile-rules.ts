/**
 * Turns the rule book (plus an organization profile) into what the matcher
 * runs: one term index holding every trigger, context and cancel phrase, and
 * per rule the phrase ids it reacts to. Names from the profile become terms:
 * the company's name and aliases (`{org}` in a term, `policyTerms:
 * [organization]`), client names, codenames, and `extraTerms` per category.
 * Compiled once per rule book and profile, then cached.
 */
import type { OrgProfile } from '../core/ports.ts';
import { RISK_CATEGORIES } from '../core/types.ts';
import { categoryRule, type Rule, type RuleBook } from './rule-types.ts';
import { TermIndex } from './term-index.ts';

export interface CompiledRule {
  rule: Rule;
  triggers: Set<number>;
  near: Set<number>;
  unless: Set<number>;
  /** Phrase id → the spelling the original text must have (case-sensitive rules). */
  exactCase: Map<number, string>;
  /** Phrase ids of names from the profile: they must be written with a capital ("Falcon", not "falcon"). */
  capitalized: Set<number>;
}

export interface Engine {
  index: TermIndex;
  rules: CompiledRule[];
  byTrigger: Map<number, CompiledRule[]>;
  /** Rules with patterns or a detector, run over the whole text. */
  scanners: CompiledRule[];
  negators: Set<string>;
}

function organizationNames(policy: OrgProfile | undefined): string[] {
  const names = [policy?.organization?.name, ...(policy?.organization?.aliases ?? [])];
  return names.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
}

function policyNames(policy: OrgProfile | undefined, source: Rule['policyTerms'][number]): string[] {
  if (source === 'organization') return organizationNames(policy);
  const list = source === 'clients' ? policy?.clients : policy?.codenames;
  return (list ?? []).filter((name) => typeof name === 'string' && name.trim() !== '');
}

/** Expands `{org}` with each of the company's names; terms needing a name are dropped when there is none. */
function expand(terms: string[], orgNames: string[]): string[] {
  const out: string[] = [];
  for (const term of terms) {
    if (!term.includes('{org}')) out.push(term);
    else for (const name of orgNames) out.push(term.replace(/\{org\}/g, name));
  }
  return out;
}

function extraRules(book: RuleBook, policy: OrgProfile | undefined): Rule[] {
  const rules: Rule[] = [];
  for (const category of RISK_CATEGORIES) {
    const terms = policy?.extraTerms?.[category]?.filter((term) => typeof term === 'string' && term.trim() !== '') ?? [];
    const info = book.categories.find((item) => item.category === category);
    if (terms.length === 0 || !info) continue;
    rules.push(categoryRule(info, { id: `policy-${category}`, file: 'policy', terms, firm: true }));
  }
  return rules;
}

export function compileRules(book: RuleBook, policy?: OrgProfile): Engine {
  const index = new TermIndex();
  const orgNames = organizationNames(policy);
  const compiled: CompiledRule[] = [];
  const byTrigger = new Map<number, CompiledRule[]>();
  for (const rule of [...book.rules, ...extraRules(book, policy)]) {
    const entry: CompiledRule = { rule, triggers: new Set(), near: new Set(), unless: new Set(), exactCase: new Map(), capitalized: new Set() };
    for (const term of expand(rule.terms, orgNames)) {
      const phrase = index.add(term);
      if (!phrase) continue;
      entry.triggers.add(phrase.id);
      if (rule.caseSensitive) entry.exactCase.set(phrase.id, term);
    }
    for (const source of rule.policyTerms) {
      for (const name of policyNames(policy, source)) {
        const phrase = index.add(name);
        if (!phrase) continue;
        entry.triggers.add(phrase.id);
        if (/^\p{Lu}/u.test(name.trim())) entry.capitalized.add(phrase.id);
      }
    }
    for (const term of expand(rule.near, orgNames)) {
      const phrase = index.add(term);
      if (phrase) entry.near.add(phrase.id);
    }
    for (const term of expand(rule.unless, orgNames)) {
      const phrase = index.add(term);
      if (phrase) entry.unless.add(phrase.id);
    }
    if (entry.triggers.size === 0 && rule.patterns.length === 0 && !rule.detector) continue;
    compiled.push(entry);
    for (const id of entry.triggers) {
      const list = byTrigger.get(id);
      if (list) list.push(entry);
      else byTrigger.set(id, [entry]);
    }
  }
  return {
    index,
    rules: compiled,
    byTrigger,
    scanners: compiled.filter((entry) => entry.rule.patterns.length > 0 || entry.rule.detector !== undefined),
    negators: new Set(book.negators),
  };
}

const cache = new WeakMap<RuleBook, { plain?: Engine; byPolicy: WeakMap<OrgProfile, Engine> }>();

/** The compiled engine for a rule book and profile, built on first use. */
export function engineFor(book: RuleBook, policy?: OrgProfile): Engine {
  let entry = cache.get(book);
  if (!entry) {
    entry = { byPolicy: new WeakMap() };
    cache.set(book, entry);
  }
  if (!policy) return (entry.plain ??= compileRules(book));
  let engine = entry.byPolicy.get(policy);
  if (!engine) {
    engine = compileRules(book, policy);
    entry.byPolicy.set(policy, engine);
  }
  return engine;
}
