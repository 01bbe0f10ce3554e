/**
 * The learned second opinion (src/review/review-model.ts): the shipped model is
 * in step with its training drafts, a broken model file is refused with the
 * file named, training is deterministic and learns, and in a review the model
 * only adds what the rules missed, pointing at the sentence that carries it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../../src/content/load-content.ts';
import { ContentProblems } from '../../src/content/validate.ts';
import { RISK_CATEGORIES, type RiskCategory } from '../../src/core/types.ts';
import { draftFeatures, placeholdersFor } from '../../src/review/model-features.ts';
import { modelDigest, MODEL_FILE } from '../../src/review/model-training-set.ts';
import { ignoreKey } from '../../src/review/ignore-key.ts';
import { loadRules } from '../../src/review/load-rules.ts';
import { normalizeText } from '../../src/review/normalize.ts';
import { decide, modelFromFile, scoreFeatures, type ReviewModelFile } from '../../src/review/review-model.ts';
import { tokenize } from '../../src/review/tokenize.ts';
import { ruleEvidence } from '../../src/review/review-draft.ts';
import { DEFAULT_TRAIN_SETTINGS, formatModelFile, trainReviewModel, type TrainingDraft } from '../../src/review/train-model.ts';
import { POLICY, review, rules } from './helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function features(text: string) {
  return draftFeatures(tokenize(normalizeText(text).text).tokens, placeholdersFor(undefined));
}

/** Problems of loading a copy of content/ whose review folder was changed. */
function problemsWith(change: (reviewDir: string) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'social-check-model-'));
  dirs.push(dir);
  cpSync(join(DEFAULT_CONTENT_DIR, 'rules'), join(dir, 'rules'), { recursive: true });
  cpSync(join(DEFAULT_CONTENT_DIR, 'review'), join(dir, 'review'), { recursive: true });
  change(join(dir, 'review'));
  const problems = new ContentProblems();
  loadRules(dir, problems);
  return problems.problems;
}

describe('the shipped model', () => {
  it('was trained on the current examples, rules and settings (else: npm run train:review)', () => {
    const stored = JSON.parse(readFileSync(join(DEFAULT_CONTENT_DIR, MODEL_FILE), 'utf8')) as ReviewModelFile;
    expect(stored.trainedOn.sha256, 'content/review/model.json is stale: run `npm run train:review`').toBe(modelDigest(DEFAULT_CONTENT_DIR, DEFAULT_TRAIN_SETTINGS));
    expect(stored.trainedOn.drafts).toBeGreaterThanOrEqual(1000);
  });

  it('speaks for every category but swearing and personal data, with a hedged message and the category’s why and suggestion', () => {
    const learned = rules().learned!;
    expect(learned.model.categories).toEqual([...RISK_CATEGORIES]);
    expect([...learned.rules.keys()].sort()).toEqual(RISK_CATEGORIES.filter((category) => category !== 'profanity' && category !== 'personal-data').sort());
    for (const category of learned.rules.keys()) {
      const rule = learned.rules.get(category)!;
      const info = rules().categories.find((item) => item.category === category)!;
      expect(rule.message).toMatch(/may|might|could/);
      expect(rule.why).toBe(info.why);
      expect(rule.suggestion).toBe(info.suggestion);
      expect(rule.audience).toBe(info.audience);
    }
  });
});

describe('a broken model file is refused, naming the file', () => {
  it.each([
    ['missing', (dir: string) => rmSync(join(dir, 'model.json')), /review\/model\.json: is missing: run `npm run train:review`/],
    ['not JSON', (dir: string) => writeFileSync(join(dir, 'model.json'), '{"categories": '), /review\/model\.json: is not a valid model/],
    [
      'trained on other features',
      (dir: string) => {
        const file = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ReviewModelFile;
        writeFileSync(join(dir, 'model.json'), JSON.stringify({ ...file, featureVersion: 999 }));
      },
      /was trained on features version 999/,
    ],
    [
      'a weight row of the wrong length',
      (dir: string) => {
        const file = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ReviewModelFile;
        writeFileSync(join(dir, 'model.json'), JSON.stringify({ ...file, weights: { 'w:boss': [1, 2] } }));
      },
      /the weights of "w:boss" must be 11 numbers/,
    ],
    [
      'a bias that is not finite',
      (dir: string) => writeFileSync(join(dir, 'model.json'), readFileSync(join(dir, 'model.json'), 'utf8').replace(/"bias": -?[0-9.]+/, '"bias": 1e999')),
      /"bias" must be a finite number/,
    ],
    [
      'no trainedOn',
      (dir: string) => {
        const file = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as Partial<ReviewModelFile>;
        delete file.trainedOn;
        writeFileSync(join(dir, 'model.json'), JSON.stringify(file));
      },
      /"trainedOn" must give the number of drafts/,
    ],
    ['no model-flags.yaml', (dir: string) => rmSync(join(dir, 'model-flags.yaml')), /review\/model-flags\.yaml: is missing: it holds what a reply says/],
    ['model-flags.yaml not YAML', (dir: string) => writeFileSync(join(dir, 'model-flags.yaml'), 'messages: [unclosed'), /review\/model-flags\.yaml: not valid YAML/],
    ['an unhedged message', (dir: string) => writeFileSync(join(dir, 'model-flags.yaml'), readFileSync(join(dir, 'model-flags.yaml'), 'utf8').replace(/nightlife: '[^']*'/, "nightlife: 'Drinking: \"{words}\".'")), /messages\.nightlife must be hedged/],
    ['a missing message', (dir: string) => writeFileSync(join(dir, 'model-flags.yaml'), readFileSync(join(dir, 'model-flags.yaml'), 'utf8').replace(/ {2}location: '[^']*'\n/, '')), /messages\.location is missing/],
  ])('%s', (_name, change, expected) => {
    const problems = problemsWith(change);
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('training', () => {
  const toy = (): TrainingDraft[] => {
    const lines: Array<[string, RiskCategory[]]> = [];
    for (let i = 0; i < 30; i += 1) {
      lines.push([`my manager is clueless again, meeting ${i} was a farce`, ['workplace-criticism']]);
      lines.push([`so proud of my manager and the team, launch ${i} went well`, []]);
      lines.push([`three pints deep at the pub ${i}, send help`, ['nightlife']]);
      lines.push([`walked the dog in the park, lap ${i}`, []]);
    }
    return lines.map(([text, categories]) => ({ features: features(text), categories, rules: new Map(), calibrate: true }));
  };

  it('is deterministic: the same drafts give the same file', () => {
    const settings = { ...DEFAULT_TRAIN_SETTINGS, epochs: 8 };
    expect(formatModelFile(trainReviewModel(toy(), 'x', 1, settings))).toBe(formatModelFile(trainReviewModel(toy(), 'x', 1, settings)));
  });

  it('learns: unseen drafts land in the right categories', () => {
    const model = modelFromFile(trainReviewModel(toy(), 'x', 1));
    const categories = (text: string) => {
      const p = scoreFeatures(model, features(text).all);
      return RISK_CATEGORIES.filter((_, k) => decide(p[k]!, model.thresholds[k]!, model.vetoes[k]!, 'none') === 'model');
    };
    expect(categories('my manager is clueless, what a farce')).toEqual(['workplace-criticism']);
    expect(categories('two pints at the pub')).toEqual(['nightlife']);
    expect(categories('proud of the team and my manager')).toEqual([]);
  });

  it('writes one line per feature, so a retrained model diffs readably', () => {
    const text = formatModelFile(trainReviewModel(toy(), 'x', 1, { ...DEFAULT_TRAIN_SETTINGS, epochs: 4 }));
    expect(JSON.parse(text)).toMatchObject({ featureVersion: 1, trainedOn: { drafts: 120, sha256: 'x' } });
    expect(text).toMatch(/\n {2}"w:manag": \[[^\n]*\],?\n/);
  });
});

describe('in a review', () => {
  const plain = () => loadRules(DEFAULT_CONTENT_DIR, new ContentProblems(), { withoutModel: true });
  const implicit = 'Can’t wait for the town hall where they explain why our bonus pool shrank while the execs got new cars.';

  it('flags what no rule has words for, on the sentence that carries it, with the model’s rule id', () => {
    const text = `Sunny morning run along the river. ${implicit}`;
    expect(review(text, { rules: plain() }).flags).toEqual([]);
    const flag = review(text).flags.find((item) => item.category === 'workplace-criticism');
    expect(flag).toMatchObject({ ruleId: 'model-workplace-criticism', audience: 'nobody', words: implicit.replace(/\.$/, '') });
    expect(text.slice(flag!.start, flag!.end)).toBe(flag!.words);
    expect(flag!.message).toMatch(/^This may read as a complaint about your workplace/);
    // It names the words that weighed most, each a word of the flagged sentence.
    const cues = [...flag!.message.matchAll(/“([^”]+)”/g)].map((match) => match[1]!);
    expect(cues.length).toBeGreaterThan(0);
    expect(cues.length).toBeLessThanOrEqual(3);
    for (const cue of cues) expect(flag!.words).toContain(cue);
  });

  it('hears a job search without the usual words', () => {
    const text = 'Had coffee with a recruiter from a rival bank this morning. Nobody at work needs to know yet.';
    expect(review(text, { rules: plain() }).flags).toEqual([]);
    expect(review(text).flags.map((flag) => flag.ruleId)).toEqual(['model-job-search']);
  });

  it('overrules a context-dependent rule hit it finds very unlikely', () => {
    const text = 'Proud of our hospice team, shortlisted for the regional nursing awards for end-of-life care.';
    expect(review(text, { rules: plain() }).flags.length).toBeGreaterThan(0);
    expect(review(text).flags).toEqual([]);
  });

  it('never overrules a firm hit: a swear word, a validated card number, a codename from the profile', () => {
    expect(review('Proud of the team, what a f*cking launch').flags.map((flag) => flag.category)).toContain('profanity');
    expect(review('Card for the team lunch: 4111 1111 1111 1111').flags.map((flag) => flag.category)).toContain('personal-data');
    expect(review('Falcon demo went well today', { policy: POLICY }).flags.map((flag) => flag.category)).toContain('confidential');
  });

  it('counts a firm hit even when a soft rule speaks for the merged span', () => {
    // The scare-quotes pattern (firm) and the complaint rule (soft) overlap; the complaint rule is shown.
    const text = "Performance review today. My manager says I'm 'doing well'. Rude.";
    expect(review(text, { rules: plain() }).flags.map((flag) => flag.ruleId)).toEqual(['complaint-about-work']);
    expect(ruleEvidence(text, plain()).get('workplace-criticism')).toBe('firm');
  });

  it('leaves a category the rules already flagged to the rules (one flag, the rule’s)', () => {
    const flags = review('My boss is a useless idiot and everyone knows it.').flags.filter((flag) => flag.category === 'workplace-criticism');
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((flag) => !flag.ruleId.startsWith('model-'))).toBe(true);
  });

  it('stays quiet on plain, happy posts', () => {
    for (const text of ['Lovely day at the park with the kids.', 'Thrilled to welcome two new engineers to the team!', 'Our quarterly results are now public: read the report on our site.']) {
      expect(review(text).flags, text).toEqual([]);
    }
  });

  it('fingerprints a sentence per person: the same sentence gives another key for someone else or under another secret', () => {
    const key = (who: string) => ignoreKey('model-job-search', 'Interviewing at Globex tomorrow', who);
    expect(key('s1:slack:U1')).toMatch(/^sentence:[0-9a-f]{32}$/);
    expect(key('s1:slack:U1')).toBe(key('s1:slack:U1'));
    expect(key('s1:slack:U1')).not.toBe(key('s1:slack:U2'));
    expect(key('s1:slack:U1')).not.toBe(key('s2:slack:U1'));
    expect(ignoreKey('complaint-about-work', 'boss is useless', 'x')).toBe('boss is useless');
  });

  it('an ignored sentence stays ignored, by its fingerprint; its words as a plain ignored term do not count', () => {
    const first = review(implicit).flags.find((flag) => flag.ruleId === 'model-workplace-criticism');
    expect(first).toBeDefined();
    expect(review(implicit, { ignoredTerms: [ignoreKey(first!.ruleId, first!.words)] }).flags.some((flag) => flag.ruleId === 'model-workplace-criticism')).toBe(false);
    expect(review(implicit, { ignoredTerms: [first!.words] }).flags.some((flag) => flag.ruleId === 'model-workplace-criticism')).toBe(true);
  });
});
