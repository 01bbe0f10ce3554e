import { ContentProblems } from '../../src/content/validate.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/content/load-content.ts';
import type { OrgProfile } from '../../src/core/ports.ts';
import type { Flag, RiskCategory } from '../../src/core/types.ts';
import { loadRules } from '../../src/review/load-rules.ts';
import { reviewDraft, type ReviewOptions } from '../../src/review/review-draft.ts';
import type { RuleBook } from '../../src/review/rule-types.ts';

let book: RuleBook | undefined;

/** The shipped rule book, loaded once; fails loudly if the content has problems. */
export function rules(): RuleBook {
  if (!book) {
    const problems = new ContentProblems();
    book = loadRules(DEFAULT_CONTENT_DIR, problems);
    problems.throwIfAny();
  }
  return book;
}

let plainBook: RuleBook | undefined;

/** The shipped rules without the learned model: what rule tables test, one rule at a time (as ESLint's rule tests do). */
export function rulesAlone(): RuleBook {
  if (!plainBook) {
    const problems = new ContentProblems();
    plainBook = loadRules(DEFAULT_CONTENT_DIR, problems, { withoutModel: true });
    problems.throwIfAny();
  }
  return plainBook;
}

export const POLICY: OrgProfile = {
  organization: { name: 'Example Corp', aliases: ['Example'] },
  codenames: ['Falcon'],
  clients: ['Globex'],
};

export function review(text: string, options: Partial<ReviewOptions> = {}) {
  return reviewDraft(text, { rules: rules(), ...options });
}

/** A flag as the tables assert it. */
export interface ExpectedFlag {
  category: RiskCategory;
  ruleId: string;
  words: string;
  message: string;
}

export function pick(flag: Flag): ExpectedFlag {
  return { category: flag.category, ruleId: flag.ruleId, words: flag.words, message: flag.message };
}
