/**
 * Loads `content/rules/*.yaml` (one file per risk category) and
 * `content/review/advice.yaml`, and validates them: the schema, unknown keys,
 * duplicate ids and terms (named with file and entry), every regular expression
 * compiled and checked for catastrophic backtracking, every category present.
 * Problems go to `problems`; the caller throws them all at once.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RISK_CATEGORIES, SOCIAL_PLATFORMS, STRATEGIES, type Audience, type RiskCategory } from '../core/types.ts';
import { checkKeys, isRecord, isStringArray, nonEmptyString, readContentYaml, type ContentProblems } from '../content/validate.ts';
import { isModelRuleId, MODEL_RULE_PREFIX } from './ignore-key.ts';
import { loadModel } from './load-model.ts';
import { unsafeRegexReason } from './regex-safety.ts';
import { DETECTORS, POLICY_TERM_SOURCES, type AdviceBook, type CategoryInfo, type DetectorName, type PolicyTermSource, type Rule, type RuleBook, type Severity } from './rule-types.ts';
import { parseTerm, phraseKey } from './term-index.ts';

const SEVERITIES = ['low', 'medium', 'high'] as const;
const AUDIENCES = ['everyone', 'personal', 'nobody'] as const;
const ID = /^[a-z][a-z0-9-]{1,48}$/;
const FILE_KEYS = ['category', 'title', 'description', 'defaults', 'rules'] as const;
const DEFAULT_KEYS = ['message', 'why', 'suggestion', 'severity', 'audience'] as const;
const RULE_KEYS = [
  'id', 'terms', 'patterns', 'detector', 'policyTerms', 'near', 'within', 'sentiment', 'unless', 'firstPerson', 'negatable',
  'caseSensitive', 'firm', 'message', 'why', 'suggestion', 'replacement', 'severity', 'audience', 'examples',
] as const;

function optionalStrings(problems: ContentProblems, file: string, where: string, value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (!isStringArray(value)) {
    problems.add(file, `${where}${key} must be a list of non-empty strings`);
    return [];
  }
  return value;
}

function checkTerms(problems: ContentProblems, file: string, where: string, key: string, terms: string[]): void {
  const seen = new Set<string>();
  for (const term of terms) {
    const words = parseTerm(term.replace(/\{org\}/g, 'org'));
    if (!words) {
      problems.add(file, `${where}${key} "${term}" has no words to match`);
      continue;
    }
    const normalized = phraseKey(words);
    if (seen.has(normalized)) problems.add(file, `${where}${key} lists "${term}" twice`);
    seen.add(normalized);
  }
}

function compilePatterns(problems: ContentProblems, file: string, where: string, sources: string[]): RegExp[] {
  const patterns: RegExp[] = [];
  for (const source of sources) {
    const unsafe = unsafeRegexReason(source);
    if (unsafe) {
      problems.add(file, `${where}pattern /${source}/ ${unsafe}: it could backtrack catastrophically`);
      continue;
    }
    try {
      patterns.push(new RegExp(source, 'gu'));
    } catch (error) {
      problems.add(file, `${where}pattern /${source}/ does not compile (${(error as Error).message})`);
    }
  }
  return patterns;
}

type Defaults = Pick<CategoryInfo, 'message' | 'why' | 'suggestion' | 'severity' | 'audience'>;

function loadRule(problems: ContentProblems, file: string, category: RiskCategory, index: number, raw: unknown, defaults: Defaults): Rule | undefined {
  let where = `rules[${index}] `;
  if (!isRecord(raw)) {
    problems.add(file, `${where}must be a mapping`);
    return undefined;
  }
  if (!nonEmptyString(raw.id) || !ID.test(raw.id)) {
    problems.add(file, `${where}needs an id (lower-case letters, digits and dashes)`);
    return undefined;
  }
  where = `rule "${raw.id}": `;
  if (isModelRuleId(raw.id)) problems.add(file, `${where}ids starting with "${MODEL_RULE_PREFIX}" are the learned model's`);
  checkKeys(problems, file, where, raw, RULE_KEYS);
  const terms = optionalStrings(problems, file, where, raw.terms, 'terms');
  const near = optionalStrings(problems, file, where, raw.near, 'near');
  const unless = optionalStrings(problems, file, where, raw.unless, 'unless');
  checkTerms(problems, file, where, 'terms', terms);
  checkTerms(problems, file, where, 'near', near);
  checkTerms(problems, file, where, 'unless', unless);
  const patterns = compilePatterns(problems, file, where, optionalStrings(problems, file, where, raw.patterns, 'patterns'));
  const policyTerms = optionalStrings(problems, file, where, raw.policyTerms, 'policyTerms');
  for (const source of policyTerms) {
    if (!(POLICY_TERM_SOURCES as readonly string[]).includes(source)) problems.add(file, `${where}policyTerms "${source}" must be one of ${POLICY_TERM_SOURCES.join(', ')}`);
  }
  if (raw.detector !== undefined && !(DETECTORS as readonly unknown[]).includes(raw.detector)) {
    problems.add(file, `${where}detector must be one of ${DETECTORS.join(', ')}`);
  }
  if (terms.length === 0 && patterns.length === 0 && raw.detector === undefined && policyTerms.length === 0) {
    problems.add(file, `${where}needs terms, patterns, a detector or policyTerms`);
  }
  if (raw.within !== undefined && (typeof raw.within !== 'number' || !Number.isInteger(raw.within) || raw.within < 1 || raw.within > 30)) {
    problems.add(file, `${where}within must be a whole number of words from 1 to 30`);
  }
  if (raw.within !== undefined && near.length === 0) problems.add(file, `${where}within needs near`);
  if (raw.sentiment !== undefined && raw.sentiment !== 'negative') problems.add(file, `${where}sentiment can only be "negative"`);
  if (raw.sentiment !== undefined && near.length === 0) problems.add(file, `${where}sentiment needs near`);
  for (const key of ['firstPerson', 'negatable', 'caseSensitive', 'firm'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') problems.add(file, `${where}${key} must be true or false`);
  }
  for (const key of ['message', 'why', 'suggestion'] as const) {
    if (raw[key] !== undefined && !nonEmptyString(raw[key])) problems.add(file, `${where}${key} must be a non-empty string`);
  }
  if (raw.replacement !== undefined && typeof raw.replacement !== 'string') problems.add(file, `${where}replacement must be a string`);
  if (raw.severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(raw.severity)) problems.add(file, `${where}severity must be low, medium or high`);
  if (raw.audience !== undefined && !(AUDIENCES as readonly unknown[]).includes(raw.audience)) problems.add(file, `${where}audience must be everyone, personal or nobody`);
  const examples = { flagged: [] as string[], fine: [] as string[] };
  if (raw.examples !== undefined) {
    if (!isRecord(raw.examples)) problems.add(file, `${where}examples must be a mapping with flagged and fine`);
    else {
      checkKeys(problems, file, `${where}examples: `, raw.examples, ['flagged', 'fine']);
      examples.flagged = optionalStrings(problems, file, where, raw.examples.flagged, 'examples.flagged');
      examples.fine = optionalStrings(problems, file, where, raw.examples.fine, 'examples.fine');
    }
  }
  const message = nonEmptyString(raw.message) ? raw.message : defaults.message;
  if (!/may|might|could|consider|can\b/i.test(message)) problems.add(file, `${where}message should be hedged ("may read as…", "consider…")`);
  return {
    id: raw.id,
    category,
    file,
    terms,
    patterns,
    detector: raw.detector as DetectorName | undefined,
    policyTerms: policyTerms as PolicyTermSource[],
    near,
    within: typeof raw.within === 'number' ? raw.within : undefined,
    sentiment: raw.sentiment === 'negative' ? 'negative' : undefined,
    unless,
    firstPerson: raw.firstPerson === true,
    negatable: raw.negatable === true,
    caseSensitive: raw.caseSensitive === true,
    firm: raw.firm === true,
    message,
    why: nonEmptyString(raw.why) ? raw.why : defaults.why,
    suggestion: nonEmptyString(raw.suggestion) ? raw.suggestion : defaults.suggestion,
    replacement: typeof raw.replacement === 'string' ? raw.replacement : undefined,
    severity: (raw.severity as Severity | undefined) ?? defaults.severity,
    audience: (raw.audience as Audience | undefined) ?? defaults.audience,
    examples,
  };
}

function loadCategoryFile(rulesDir: string, name: string, problems: ContentProblems): { info: CategoryInfo; rules: Rule[] } | undefined {
  const file = `rules/${name}`;
  const data = readContentYaml(join(rulesDir, name), file, problems)?.data;
  if (data === undefined) return undefined;
  if (!isRecord(data)) {
    problems.add(file, 'must be a mapping with category, title, description, defaults and rules');
    return undefined;
  }
  checkKeys(problems, file, '', data, FILE_KEYS);
  const category = data.category;
  if (!(RISK_CATEGORIES as readonly unknown[]).includes(category)) {
    problems.add(file, `category must be one of ${RISK_CATEGORIES.join(', ')}`);
    return undefined;
  }
  if (name !== `${String(category)}.yaml`) problems.add(file, `the file for category "${String(category)}" must be named ${String(category)}.yaml`);
  const defaults = isRecord(data.defaults) ? data.defaults : {};
  if (!isRecord(data.defaults)) problems.add(file, 'defaults must be a mapping with message, why, suggestion, severity, audience');
  else checkKeys(problems, file, 'defaults: ', data.defaults, DEFAULT_KEYS);
  for (const key of ['message', 'why', 'suggestion'] as const) {
    if (!nonEmptyString(defaults[key])) problems.add(file, `defaults.${key} must be a non-empty string`);
  }
  if (!(SEVERITIES as readonly unknown[]).includes(defaults.severity)) problems.add(file, 'defaults.severity must be low, medium or high');
  if (!(AUDIENCES as readonly unknown[]).includes(defaults.audience)) problems.add(file, 'defaults.audience must be everyone, personal or nobody');
  if (!nonEmptyString(data.title) || !nonEmptyString(data.description)) problems.add(file, 'title and description must be non-empty strings');
  const info: CategoryInfo = {
    category: category as RiskCategory,
    file,
    title: String(data.title ?? category),
    description: String(data.description ?? ''),
    message: String(defaults.message ?? ''),
    why: String(defaults.why ?? ''),
    suggestion: String(defaults.suggestion ?? ''),
    severity: (defaults.severity as Severity | undefined) ?? 'medium',
    audience: (defaults.audience as Audience | undefined) ?? 'personal',
  };
  if (!Array.isArray(data.rules) || data.rules.length === 0) {
    problems.add(file, 'rules must be a non-empty list');
    return { info, rules: [] };
  }
  const rules = data.rules.map((raw, index) => loadRule(problems, file, info.category, index, raw, info)).filter((rule): rule is Rule => rule !== undefined);
  return { info, rules };
}

/** A rule's trigger is unconditional when nothing in its context can cancel it. */
function unconditional(rule: Rule): boolean {
  return rule.near.length === 0 && rule.unless.length === 0 && !rule.firstPerson && !rule.negatable && !rule.caseSensitive;
}

function checkDuplicates(rules: Rule[], problems: ContentProblems): void {
  const ids = new Map<string, Rule>();
  const terms = new Map<string, Rule>();
  for (const rule of rules) {
    const other = ids.get(rule.id);
    if (other) problems.add(rule.file, `rule "${rule.id}": duplicate id (also in ${other.file})`);
    ids.set(rule.id, rule);
    for (const term of rule.terms) {
      const words = parseTerm(term.replace(/\{org\}/g, 'org'));
      if (!words) continue;
      const key = phraseKey(words);
      const previous = terms.get(key);
      if (previous && previous !== rule && (previous.file === rule.file || (unconditional(previous) && unconditional(rule)))) {
        problems.add(rule.file, `rule "${rule.id}": term "${term}" is already a term of rule "${previous.id}" (${previous.file})`);
      }
      if (!previous) terms.set(key, rule);
    }
  }
}

function loadAdvice(dir: string, problems: ContentProblems): AdviceBook {
  const file = 'review/advice.yaml';
  const empty: AdviceBook = {
    platforms: {} as AdviceBook['platforms'],
    strategies: {} as AdviceBook['strategies'],
    general: { personal: '', nobody: '', everyone: '', noPlatform: '' },
    categories: {},
    policy: { commsContact: '', policyUrl: '', disclaimer: '' },
  };
  const read = readContentYaml(join(dir, file), file, problems, 'file is missing');
  if (!read) return empty;
  const { data } = read;
  if (!isRecord(data)) {
    problems.add(file, 'must be a mapping with platforms, strategies, general, categories and policy');
    return empty;
  }
  checkKeys(problems, file, '', data, ['platforms', 'strategies', 'general', 'categories', 'policy']);
  const text = (value: unknown, where: string): string => {
    if (!nonEmptyString(value)) problems.add(file, `${where} must be a non-empty string`);
    return typeof value === 'string' ? value : '';
  };
  const platforms = isRecord(data.platforms) ? data.platforms : {};
  for (const platform of SOCIAL_PLATFORMS) {
    const entry = platforms[platform];
    if (!isRecord(entry)) {
      problems.add(file, `platforms.${platform} is missing`);
      continue;
    }
    checkKeys(problems, file, `platforms.${platform}: `, entry, ['name', 'limit', 'limitNote', 'personal', 'nobody']);
    if (typeof entry.limit !== 'number' || !Number.isInteger(entry.limit) || entry.limit < 1) problems.add(file, `platforms.${platform}.limit must be a whole number of characters`);
    empty.platforms[platform] = {
      name: text(entry.name, `platforms.${platform}.name`),
      limit: typeof entry.limit === 'number' ? entry.limit : Infinity,
      limitNote: text(entry.limitNote, `platforms.${platform}.limitNote`),
      personal: text(entry.personal, `platforms.${platform}.personal`),
      nobody: text(entry.nobody, `platforms.${platform}.nobody`),
    };
  }
  for (const key of Object.keys(platforms)) {
    if (!(SOCIAL_PLATFORMS as readonly string[]).includes(key)) problems.add(file, `platforms.${key} is not a known platform (${SOCIAL_PLATFORMS.join(', ')})`);
  }
  const strategies = isRecord(data.strategies) ? data.strategies : {};
  for (const strategy of STRATEGIES) {
    const entry = strategies[strategy];
    if (!isRecord(entry)) {
      problems.add(file, `strategies.${strategy} is missing`);
      continue;
    }
    checkKeys(problems, file, `strategies.${strategy}: `, entry, ['personal', 'nobody', 'everyone']);
    empty.strategies[strategy] = {
      personal: text(entry.personal, `strategies.${strategy}.personal`),
      nobody: text(entry.nobody, `strategies.${strategy}.nobody`),
      everyone: text(entry.everyone, `strategies.${strategy}.everyone`),
    };
  }
  const general = isRecord(data.general) ? data.general : {};
  empty.general = {
    personal: text(general.personal, 'general.personal'),
    nobody: text(general.nobody, 'general.nobody'),
    everyone: text(general.everyone, 'general.everyone'),
    noPlatform: text(general.noPlatform, 'general.noPlatform'),
  };
  const categories = isRecord(data.categories) ? data.categories : {};
  for (const [key, value] of Object.entries(categories)) {
    if (!(RISK_CATEGORIES as readonly string[]).includes(key)) problems.add(file, `categories.${key} is not a risk category`);
    else empty.categories[key as RiskCategory] = text(value, `categories.${key}`);
  }
  const policy = isRecord(data.policy) ? data.policy : {};
  empty.policy = {
    commsContact: text(policy.commsContact, 'policy.commsContact'),
    policyUrl: text(policy.policyUrl, 'policy.policyUrl'),
    disclaimer: text(policy.disclaimer, 'policy.disclaimer'),
  };
  return empty;
}

export interface LoadRulesOptions {
  /** Rules alone, without the learned second opinion (used to train it). */
  withoutModel?: boolean;
}

export function loadRules(dir: string, problems: ContentProblems, options: LoadRulesOptions = {}): RuleBook {
  const rulesDir = join(dir, 'rules');
  const categories: CategoryInfo[] = [];
  const rules: Rule[] = [];
  if (!existsSync(rulesDir)) {
    problems.add('rules/', 'folder is missing (one YAML file per risk category)');
  } else {
    const files = readdirSync(rulesDir).filter((name) => name.endsWith('.yaml')).sort();
    for (const name of files) {
      const loaded = loadCategoryFile(rulesDir, name, problems);
      if (!loaded) continue;
      if (categories.some((info) => info.category === loaded.info.category)) problems.add(loaded.info.file, `category "${loaded.info.category}" is defined twice`);
      categories.push(loaded.info);
      rules.push(...loaded.rules);
    }
    for (const category of RISK_CATEGORIES) {
      if (!categories.some((info) => info.category === category)) problems.add(`rules/${category}.yaml`, 'file is missing');
    }
  }
  checkDuplicates(rules, problems);
  const advice = loadAdvice(dir, problems);
  const learned = options.withoutModel ? undefined : loadModel(dir, categories, problems);
  return { categories, rules, advice, ...(learned ? { learned } : {}), negators: ['not', 'never', 'no', "don't", 'dont', "didn't", 'didnt', "isn't", "wasn't", "won't", 'without', 'zero', 'quit', 'sober', 'stopped', 'nothing', "aren't", "weren't", "doesn't", 'doesnt'] };
}
