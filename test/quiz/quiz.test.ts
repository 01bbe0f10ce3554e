import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import { isSocialCheckError } from '../../src/core/errors.ts';
import type { Choice, Reply } from '../../src/core/types.ts';
import { decodeAnswers, quizStep, scoreQuiz } from '../../src/quiz/run-quiz.ts';

const { quiz } = loadContent();

function choices(reply: Reply): Choice[] {
  return reply.parts.flatMap((part) => (part.type === 'choices' ? part.choices : []));
}

describe('the strategy quiz', () => {
  it('starts with the intro and the first question, each option carrying its own answer', () => {
    const reply = quizStep(quiz, []);
    expect(reply.kind).toBe('quiz-step');
    expect(reply.text).toContain('Question 1 of 6');
    expect(choices(reply).map((choice) => choice.action)).toEqual(quiz.questions[0]!.options.map((option) => ({ id: 'quiz', value: option.id })));
  });

  it('carries the answers so far in every button (stateless)', () => {
    const reply = quizStep(quiz, ['real', 'yes']);
    expect(reply.text).toContain('Question 3 of 6');
    expect(choices(reply).map((choice) => choice.action.value)).toEqual(['real.yes.gladly', 'real.yes.once', 'real.yes.never']);
  });

  // Why: each strategy must be reachable by someone who answers like its typical user.
  it.each([
    ['real.no.never.rarely.relaxed.everyday', 'open'],
    ['polished.no.once.rarely.middle.personal', 'audience'],
    ['polished.yes.never.often.strict.little', 'content'],
    ['mix.depends.gladly.often.middle.personal', 'custom'],
  ])('answers %s recommend %s', (answers, strategy) => {
    expect(scoreQuiz(quiz, answers.split('.')).strategy).toBe(strategy);
  });

  it('explains the result with reasons from the answers, first steps and the main risk', () => {
    const reply = quizStep(quiz, 'mix.depends.gladly.often.middle.personal'.split('.'));
    expect(reply.kind).toBe('quiz-result');
    expect(reply.meta?.topic).toBe('strategy-custom');
    expect(reply.text).toContain('Your best fit: the Custom strategy');
    expect(reply.text).toContain('You are willing to curate lists and circles');
    expect(reply.text).toContain('First steps this week:');
    expect(reply.text).toContain('Main risk: It takes the most effort');
    expect(choices(reply).map((choice) => choice.action)).toEqual([
      { id: 'set-strategy', value: 'custom' },
      { id: 'topic', value: 'strategy-custom' },
      { id: 'quiz', value: '' },
    ]);
  });

  it('breaks ties towards Custom, then Content (what most professionals are best served by)', () => {
    const tie = { ...quiz, questions: quiz.questions.map((question) => ({ ...question, options: question.options.map((option) => ({ ...option, scores: {} })) })) };
    expect(scoreQuiz(tie, ['real']).strategy).toBe('custom');
  });

  it.each(['real.bogus', 'a.b.c.d.e.f.g', 'real..yes'])('rejects a tampered answer list %j', (value) => {
    let caught: unknown;
    try {
      decodeAnswers(quiz, value);
    } catch (error) {
      caught = error;
    }
    expect(isSocialCheckError(caught, 'action_invalid')).toBe(true);
  });
});
