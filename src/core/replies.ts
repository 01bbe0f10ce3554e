import type { Content } from '../content/load-content.ts';
import { partsToPlainText } from './plain-text.ts';
import type { Choice, Part, Reply, ReplyKind, StrategyId } from './types.ts';

/** Builds a reply whose `text` is its parts as plain text. */
export function makeReply(kind: ReplyKind, parts: Part[], meta?: Reply['meta']): Reply {
  return meta ? { kind, parts, text: partsToPlainText(parts), meta } : { kind, parts, text: partsToPlainText(parts) };
}

export const PRIVACY_NOTE = 'Your drafts are checked in memory and never stored, logged or shared.';

const START_CHOICES: Choice[] = [
  { label: 'Take the strategy quiz', action: { id: 'quiz', value: '' }, style: 'primary' },
  { label: 'The four strategies', action: { id: 'topic', value: 'strategies' } },
  { label: 'How to check a draft', action: { id: 'topic', value: 'review-howto' } },
];

export function helpReply(): Reply {
  return makeReply('help', [
    { type: 'heading', text: 'social-check helps you keep the personal and the professional apart online' },
    {
      type: 'bullets',
      items: [
        'Paste a draft post: I point out words that could hurt your career, explain why, suggest a safer version and say who it suits (everyone, close friends only, or nobody).',
        'Ask a question: "should I accept my boss\'s friend request?", "what counts as confidential?"',
        'quiz: six questions that recommend a strategy (Open, Audience, Content or Custom).',
        'strategy: see or change your strategy, so reviews fit how you post.',
        'review <draft> or ask <question>: when you want to say which one you mean.',
      ],
    },
    { type: 'note', text: PRIVACY_NOTE },
    { type: 'choices', choices: START_CHOICES },
  ]);
}

export function errorReply(text: string, choices: Choice[] = []): Reply {
  const parts: Part[] = [{ type: 'paragraph', text }];
  if (choices.length > 0) parts.push({ type: 'choices', choices });
  return makeReply('error', parts);
}

export function emptyInputReply(): Reply {
  return errorReply('I did not get any text. Paste a draft you want checked, or ask me a question.', START_CHOICES);
}

export function tooLongReply(length: number, limit: number): Reply {
  return errorReply(
    `That text is ${length.toLocaleString('en-US')} characters, longer than any network accepts (the longest, Facebook, takes ${limit.toLocaleString('en-US')}). Paste the post itself, or split it into parts and check each.`,
  );
}

export function draftInPublicReply(): Reply {
  return makeReply(
    'notice',
    [
      {
        type: 'paragraph',
        text: 'That looks like a draft post. Drafts are best checked in a private chat with me, where only you see the review: send it to me directly, or use /social-check in Slack or "Check before posting" in Teams.',
      },
      { type: 'note', text: PRIVACY_NOTE },
    ],
    { draftInPublic: true },
  );
}

export function disambiguateReply(text: string): Reply {
  return makeReply('disambiguate', [
    { type: 'paragraph', text: 'Do you want me to review this as a post, or answer it as a question?' },
    {
      type: 'choices',
      choices: [
        { label: 'Review this as a post', action: { id: 'review-as-post', value: text }, style: 'primary' },
        { label: 'Answer as a question', action: { id: 'answer-as-question', value: text } },
      ],
    },
  ]);
}

const STRATEGY_TOPIC: Record<StrategyId, string> = {
  open: 'strategy-open',
  audience: 'strategy-audience',
  content: 'strategy-content',
  custom: 'strategy-custom',
};

function strategyChoices(content: Content, except?: StrategyId): Choice[] {
  return (Object.keys(STRATEGY_TOPIC) as StrategyId[])
    .filter((id) => id !== except)
    .map((id) => ({ label: `Use ${content.quiz.results[id].title}`, action: { id: 'set-strategy', value: id } }));
}

export function strategyReply(content: Content, current: StrategyId | undefined, canSave: boolean): Reply {
  if (current) {
    const result = content.quiz.results[current];
    return makeReply('strategy', [
      { type: 'heading', text: `Your strategy: ${result.title}` },
      { type: 'paragraph', text: result.summary },
      { type: 'paragraph', text: `Watch out: ${result.mainRisk}` },
      {
        type: 'choices',
        choices: [
          { label: `More about ${result.title}`, action: { id: 'topic', value: STRATEGY_TOPIC[current] } },
          { label: 'Retake the quiz', action: { id: 'quiz', value: '' } },
          ...(canSave ? strategyChoices(content, current) : []),
        ],
      },
    ]);
  }
  return makeReply('strategy', [
    { type: 'heading', text: 'You have not picked a strategy yet' },
    {
      type: 'paragraph',
      text: 'Open: post freely to everyone. Audience: separate networks for friends and colleagues. Content: accept everyone and edit what you post. Custom: curate both who sees a post and what it says.',
    },
    {
      type: 'choices',
      choices: [{ label: 'Take the strategy quiz', action: { id: 'quiz', value: '' }, style: 'primary' }, ...(canSave ? strategyChoices(content) : [])],
    },
  ]);
}

export function strategySavedReply(content: Content, strategy: StrategyId): Reply {
  const result = content.quiz.results[strategy];
  return makeReply('notice', [
    { type: 'paragraph', text: `Saved: your strategy is ${result.title}. Reviews of your drafts will now give advice for it.` },
    { type: 'choices', choices: [{ label: `More about ${result.title}`, action: { id: 'topic', value: STRATEGY_TOPIC[strategy] } }] },
  ]);
}
