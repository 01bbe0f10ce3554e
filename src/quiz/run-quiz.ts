import { SocialCheckError } from '../core/errors.ts';
import { partsToPlainText } from '../core/plain-text.ts';
import type { Choice, Part, Reply, StrategyId } from '../core/types.ts';
import type { Quiz } from './quiz-types.ts';

/**
 * The quiz is a pure function of the answers so far. Each button carries the
 * answers including its own option, joined by '.', so Slack buttons, Teams cards
 * and the terminal all drive the same function and nothing is kept between steps.
 */
export function encodeAnswers(answers: readonly string[]): string {
  return answers.join('.');
}

/** Parses and checks answers against the quiz; a tampered or stale value is an `action_invalid` error. */
export function decodeAnswers(quiz: Quiz, value: string): string[] {
  const trimmed = value.trim();
  if (trimmed === '') return [];
  const answers = trimmed.split('.');
  if (answers.length > quiz.questions.length) throw new SocialCheckError('action_invalid', 'This quiz button has more answers than the quiz has questions.');
  answers.forEach((answer, index) => {
    const question = quiz.questions[index];
    if (!question?.options.some((option) => option.id === answer)) {
      throw new SocialCheckError('action_invalid', `This quiz button is out of date (unknown answer "${answer.slice(0, 20)}").`);
    }
  });
  return answers;
}

export interface QuizOutcome {
  strategy: StrategyId;
  scores: Record<StrategyId, number>;
  /** The reasons of the chosen options that support the recommended strategy, strongest first. */
  reasons: string[];
}

export function scoreQuiz(quiz: Quiz, answers: readonly string[]): QuizOutcome {
  const scores: Record<StrategyId, number> = { open: 0, audience: 0, content: 0, custom: 0 };
  const chosen = answers.map((answer, index) => quiz.questions[index]!.options.find((option) => option.id === answer)!);
  for (const option of chosen) {
    for (const [strategy, points] of Object.entries(option.scores) as Array<[StrategyId, number]>) scores[strategy] += points;
  }
  let strategy = quiz.tieOrder[0]!;
  for (const candidate of quiz.tieOrder) if (scores[candidate] > scores[strategy]) strategy = candidate;
  const reasons = chosen
    .map((option) => ({ reason: option.reason, weight: option.scores[strategy] ?? 0 }))
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((entry) => entry.reason);
  return { strategy, scores, reasons };
}

function reply(kind: Reply['kind'], parts: Part[]): Reply {
  return { kind, parts, text: partsToPlainText(parts) };
}

/** The next question, or the recommendation when every question is answered. */
export function quizStep(quiz: Quiz, answers: readonly string[]): Reply {
  const index = answers.length;
  const question = quiz.questions[index];
  if (!question) return quizResult(quiz, answers);
  const parts: Part[] = [];
  if (index === 0) parts.push({ type: 'heading', text: 'Which strategy suits you?' }, { type: 'paragraph', text: quiz.intro });
  parts.push(
    { type: 'note', text: `Question ${index + 1} of ${quiz.questions.length}` },
    { type: 'paragraph', text: question.text },
    {
      type: 'choices',
      choices: question.options.map((option): Choice => ({ label: option.label, action: { id: 'quiz', value: encodeAnswers([...answers, option.id]) } })),
    },
  );
  return reply('quiz-step', parts);
}

export function quizResult(quiz: Quiz, answers: readonly string[]): Reply {
  const outcome = scoreQuiz(quiz, answers);
  const result = quiz.results[outcome.strategy];
  const parts: Part[] = [
    { type: 'heading', text: `Your best fit: the ${result.title} strategy` },
    { type: 'paragraph', text: result.summary },
    { type: 'paragraph', text: 'Why, from your answers:' },
    { type: 'bullets', items: outcome.reasons.slice(0, 3) },
    { type: 'paragraph', text: 'First steps this week:' },
    { type: 'bullets', items: result.firstSteps },
    { type: 'paragraph', text: `Main risk: ${result.mainRisk}` },
    {
      type: 'choices',
      choices: [
        { label: `Make ${result.title} my strategy`, action: { id: 'set-strategy', value: outcome.strategy }, style: 'primary' },
        { label: `More about ${result.title}`, action: { id: 'topic', value: result.topic } },
        { label: 'Retake the quiz', action: { id: 'quiz', value: '' } },
      ],
    },
  ];
  return { ...reply('quiz-result', parts), meta: { topic: result.topic } };
}
