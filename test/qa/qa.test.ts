import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import { bodyToParts, classifyQuestion, fillPlaceholders, trainQuestionModel } from '../../src/qa/answer-question.ts';
import { BLIND_FILE, heldOutQuestions, score } from '../../bench/qa-data.ts';

const content = loadContent();
const model = trainQuestionModel(content);

describe('question answering', () => {
  // The targets, measured on questions written separately from the training examples.
  it('reaches ≥ 90% top-1 and ≥ 0.8 out-of-scope F1 on the held-out questions', () => {
    const heldOut = heldOutQuestions(content);
    const scores = score(
      heldOut.map((row) => row.label),
      heldOut.map((row) => classifyQuestion(model, row.text).topic),
    );
    expect(scores.top1).toBeGreaterThanOrEqual(0.9);
    expect(scores.oosF1).toBeGreaterThanOrEqual(0.8);
  });

  it('holds the same targets on the second, blind set', () => {
    const blind = heldOutQuestions(content, BLIND_FILE);
    const scores = score(
      blind.map((row) => row.label),
      blind.map((row) => classifyQuestion(model, row.text).topic),
    );
    expect(scores.top1).toBeGreaterThanOrEqual(0.9);
    expect(scores.oosF1).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['shoud i acept my bosses frend request on fb', 'friend-request-manager'],
    ['close friends on insta', 'lists-and-circles'],
    ['is it ok to post our revenue numbers before earnings', 'confidential-info'],
  ])('understands %j as %s', (question, topic) => {
    expect(classifyQuestion(model, question).topic).toBe(topic);
  });

  // Why: a confident wrong answer is worse than admitting the bot does not know.
  it.each(['what is the capital of peru', 'how do i submit my expense report', 'asdfgh qwerty', '!!!', '42'])('says %j is out of scope', (question) => {
    expect(classifyQuestion(model, question).topic).toBe('out-of-scope');
  });

  it('is deterministic: the same examples train the same model', () => {
    const again = trainQuestionModel(content);
    expect(Array.from(again.weights.slice(0, 50))).toEqual(Array.from(model.weights.slice(0, 50)));
  });
});

describe('answers from the organization profile', () => {
  it('fills placeholders from the profile, or their defaults', () => {
    const text = "Check {{organization|your employer}}'s policy: {{policyUrl|the intranet}}. Ask {{commsContact|your comms team}}.";
    expect(fillPlaceholders(text, undefined)).toBe("Check your employer's policy: the intranet. Ask your comms team.");
    expect(fillPlaceholders(text, { organization: { name: 'Example Corp' }, policyUrl: 'https://intranet.example/social', commsContact: '#comms' })).toBe(
      "Check Example Corp's policy: https://intranet.example/social. Ask #comms.",
    );
  });
});

describe('answer bodies', () => {
  it('splits paragraphs, a lead-in line and its bullets', () => {
    expect(bodyToParts('First para\ncontinues.\n\nA review shows:\n- one\n- two\nAfter.\n\nNext step: go.')).toEqual([
      { type: 'paragraph', text: 'First para continues.' },
      { type: 'paragraph', text: 'A review shows:' },
      { type: 'bullets', items: ['one', 'two'] },
      { type: 'paragraph', text: 'After.' },
      { type: 'paragraph', text: 'Next step: go.' },
    ]);
  });
});
