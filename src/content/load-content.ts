import { fileURLToPath } from 'node:url';
import { ContentProblems } from './validate.ts';
import { loadOutOfScope, loadTopics } from './load-topics.ts';
import type { Topic, TopicId } from './topics.ts';
import { loadQuiz } from '../quiz/load-quiz.ts';
import type { Quiz } from '../quiz/quiz-types.ts';
import { loadRules } from '../review/load-rules.ts';
import type { RuleBook } from '../review/rule-types.ts';
import { loadNudges } from '../nudges/load-nudges.ts';
import type { Nudge } from '../nudges/nudge-types.ts';

/** Everything in content/, loaded and validated. */
export interface Content {
  topics: Topic[];
  topicsById: Map<TopicId, Topic>;
  outOfScope: string[];
  quiz: Quiz;
  rules: RuleBook;
  nudges: Nudge[];
}

/** The content/ folder shipped with the package. */
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

/**
 * Reads and validates every content file. All problems are collected and thrown
 * together as one `content_invalid` error, each naming its file.
 */
export function loadContent(dir: string = DEFAULT_CONTENT_DIR): Content {
  const problems = new ContentProblems();
  const topics = loadTopics(dir, problems);
  const outOfScope = loadOutOfScope(dir, problems);
  const quiz = loadQuiz(dir, problems);
  const rules = loadRules(dir, problems);
  const nudges = loadNudges(dir, problems);
  problems.throwIfAny();
  return {
    topics,
    topicsById: new Map(topics.map((topic) => [topic.id, topic])),
    outOfScope,
    quiz: quiz!,
    rules,
    nudges,
  };
}
