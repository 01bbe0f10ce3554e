/**
 * One suite of conversation cases that every adapter passes: the same input goes
 * through each platform's real HTTP path, and the adapter must send exactly its
 * own rendering of the reply the core gives for that input.
 *
 * An adapter's test, per case:
 *   1. builds its platform's payload from `text` or `action` (DM / personal chat unless `where` says otherwise);
 *   2. posts it (signed) to the running server and captures what goes to the platform API (nock or a fake);
 *   3. asserts the captured message `toEqual` its renderer's output for `await core.handle(inboundFor(case))`;
 *   4. checks `expect` on the core reply, and that nothing in the rendered output pings or injects.
 */
import type { ActionPayload, InboundMessage, ReplyKind, ChatPlatform } from '../../src/core/types.ts';

export interface ConversationCase {
  name: string;
  text?: string;
  action?: ActionPayload;
  where?: 'direct' | 'channel';
  expect: {
    kind: ReplyKind;
    topic?: string;
    verdict?: 'ok' | 'caution' | 'risky';
    /** Categories that must be among the flags. */
    categories?: string[];
  };
}

export const conversationCases: ConversationCase[] = [
  { name: 'help', text: 'help', expect: { kind: 'help' } },
  { name: 'a question', text: 'should I accept a friend request from my manager on facebook?', expect: { kind: 'answer', topic: 'friend-request-manager' } },
  { name: 'out of scope', text: 'what is the weather in Lisbon tomorrow?', expect: { kind: 'out-of-scope', topic: 'out-of-scope' } },
  {
    name: 'a risky draft',
    text: 'So hungover after last night 🍻 and my boss is a total idiot, cannot wait to quit this place #mondays',
    expect: { kind: 'review', verdict: 'risky', categories: ['nightlife', 'workplace-criticism'] },
  },
  { name: 'a harmless draft', text: 'Proud of my team for our public launch today! 🎉 #teamwork', expect: { kind: 'review', verdict: 'ok' } },
  { name: 'quiz start', text: 'quiz', expect: { kind: 'quiz-step' } },
  { name: 'quiz button', action: { id: 'quiz', value: 'real.yes' }, expect: { kind: 'quiz-step' } },
  { name: 'quiz finished', action: { id: 'quiz', value: 'mix.depends.gladly.often.middle.personal' }, expect: { kind: 'quiz-result', topic: 'strategy-custom' } },
  { name: 'related topic button', action: { id: 'topic', value: 'lists-and-circles' }, expect: { kind: 'answer', topic: 'lists-and-circles' } },
  { name: 'a tampered button', action: { id: 'quiz', value: 'nope.nope' }, expect: { kind: 'error' } },
  {
    name: 'pings and markup are not echoed as pings',
    text: 'review: <!channel> <!here> <@U123> check *this* out <https://evil.example|click> &amp; my boss sucks',
    expect: { kind: 'review', categories: ['workplace-criticism'] },
  },
  {
    name: 'a draft in a channel gets the gentle note',
    text: 'Wasted again last night lol 🍺🍺 #fridayfeeling',
    where: 'channel',
    expect: { kind: 'notice' },
  },
];

/** The neutral message an adapter should produce for a case. */
export function inboundFor(testCase: ConversationCase, platform: ChatPlatform, ids: { user: string; conversation: string }): InboundMessage {
  const where = testCase.where ?? 'direct';
  return {
    platform,
    user: { id: ids.user },
    conversation: { id: ids.conversation, kind: where },
    text: testCase.text ?? '',
    ...(testCase.action ? { action: testCase.action } : {}),
    private: where === 'direct',
  };
}

/** Strings that must never reach a platform unescaped. */
export const FORBIDDEN_IN_OUTPUT = ['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<https://evil.example|click>'];
