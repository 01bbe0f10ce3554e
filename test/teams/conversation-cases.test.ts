/**
 * The shared conversation cases (test/shared/conversation-cases.ts) through the
 * Teams path: each case as a real activity over HTTP, the cards captured at the
 * fake Bot Connector, compared whole with this adapter's rendering of the
 * core's reply for the same neutral input.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { renderReply } from '../../adapters/teams/render.ts';
import { conversationCases, FORBIDDEN_IN_OUTPUT, inboundFor, type ConversationCase } from '../shared/conversation-cases.ts';
import { channelMention, channelSubmit, fixture, personalMessage, personalSubmit, TEAM_ID, type Activity } from './helpers/activities.ts';
import { cardStrings, replyActivity, replyPath, updateActivity, updatePath } from './helpers/expect-sent.ts';
import { startHarness, type Harness } from './helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.connector.reset();
});

const PERSONAL = fixture('message_personal_chat.json');
const IDS = {
  direct: { user: PERSONAL.from.aadObjectId as string, conversation: PERSONAL.conversation.id as string },
  channel: { user: '29:SAMPLEID', conversation: TEAM_ID },
};

function activityFor(testCase: ConversationCase): Activity {
  const where = testCase.where ?? 'direct';
  if (testCase.action) {
    const value = { sc: testCase.action.id, v: testCase.action.value };
    return where === 'direct' ? personalSubmit(h.connector.url, value) : channelSubmit(h.connector.url, value);
  }
  return where === 'direct' ? personalMessage(h.connector.url, testCase.text ?? '') : channelMention(h.connector.url, testCase.text ?? '');
}

/** Every TextBlock's text: the only place Teams reads Markdown. */
function textBlockTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => textBlockTexts(item, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') out.push(record.text);
    Object.values(record).forEach((item) => textBlockTexts(item, out));
  }
  return out;
}

describe('shared conversation cases through Teams', () => {
  test.each(conversationCases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const incoming = activityFor(testCase);
    expect((await h.post(incoming)).status).toBe(200);

    const reply = await h.core.handle(inboundFor(testCase, 'teams', IDS[testCase.where ?? 'direct']));
    const cards = renderReply(reply);
    // A quiz answer replaces the card it was pressed on; everything else is a reply.
    const inPlace = testCase.action?.id === 'quiz' && (reply.kind === 'quiz-step' || reply.kind === 'quiz-result');
    const delivered = h.connector.delivered();
    expect(delivered.map((call) => `${call.method} ${call.path}`)).toEqual(cards.map(() => (inPlace ? `PUT ${updatePath(incoming)}` : `POST ${replyPath(incoming)}`)));
    expect(delivered.map((call) => call.body)).toEqual(cards.map((card) => (inPlace ? updateActivity(incoming, card) : replyActivity(incoming, card))));

    expect(reply.kind).toBe(testCase.expect.kind);
    if (testCase.expect.topic) expect(reply.meta?.topic).toBe(testCase.expect.topic);
    if (testCase.expect.verdict) expect(reply.meta?.review?.verdict).toBe(testCase.expect.verdict);
    if (testCase.expect.categories) {
      expect(reply.meta?.review?.flags.map((flag) => flag.category)).toEqual(expect.arrayContaining(testCase.expect.categories));
    }

    // Nothing pings or injects: no mention markup or entities, and no Markdown-active text taken verbatim.
    const strings = cardStrings(cards);
    expect(strings.filter((text) => /<at\b/i.test(text))).toEqual([]);
    expect(JSON.stringify(cards)).not.toContain('"entities"');
    for (const text of textBlockTexts(cards)) {
      for (const forbidden of FORBIDDEN_IN_OUTPUT) expect(text).not.toContain(forbidden);
      expect(text).not.toMatch(/(?<!\\)\]\(/);
    }
  });
});
