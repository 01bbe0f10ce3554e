/**
 * Real Teams message activities posted over HTTP to the adapter's route; the
 * replies are captured at a local fake Bot Connector and compared whole.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { renderReply } from '../../adapters/teams/render.ts';
import type { InboundMessage } from '../../src/core/types.ts';
import { channelMention, channelSubmit, fixture, personalMessage, personalSubmit, TEAM_ID, withServiceUrl } from './helpers/activities.ts';
import { replyActivity, replyPath, updateActivity, updatePath } from './helpers/expect-sent.ts';
import { testCore, type Harness } from './helpers/harness.ts';
import { useRecordingHarness } from './helpers/recording-harness.ts';

const recording = useRecordingHarness();
const seen = recording.seen;
let h: Harness;
beforeAll(() => {
  h = recording.harness();
});

const MEGAN = { id: '7faf8ab2-3d56-4244-b585-20c8a42ed2b8', name: 'Megan Bowen' };
const PERSONAL_CONVERSATION = fixture('message_personal_chat.json').conversation.id as string;

async function expectCardsSent(incoming: Record<string, any>, message: InboundMessage) {
  const cards = renderReply(await testCore().handle(message));
  expect(h.connector.sent().map((call) => call.path)).toEqual(cards.map(() => replyPath(incoming)));
  expect(h.connector.sent().map((call) => call.body)).toEqual(cards.map((card) => replyActivity(incoming, card)));
  return cards;
}

describe('personal chat', () => {
  test('a question gets the answer card, with related topics as buttons', async () => {
    const text = 'should I accept a friend request from my manager on facebook?';
    const incoming = personalMessage(h.connector.url, text);
    const response = await h.post(incoming);
    expect(response.status).toBe(200);
    const expected: InboundMessage = {
      platform: 'teams',
      user: MEGAN,
      conversation: { id: PERSONAL_CONVERSATION, kind: 'direct' },
      text,
      private: true,
    };
    expect(seen).toEqual([expected]);
    const [card] = await expectCardsSent(incoming, expected);
    const reply = await testCore().handle(expected);
    expect(reply.kind).toBe('answer');
    expect(reply.meta?.topic).toBe('friend-request-manager');
    const topicButtons = card!.body.flatMap((element) => (element.type === 'ActionSet' ? element.actions : [])).filter((action) => action.type === 'Action.Submit' && (action.data as { sc?: string }).sc === 'topic');
    expect(topicButtons.length).toBeGreaterThan(0);
  });

  test('pressing a related-topic button sends the value back and gets that topic', async () => {
    const incoming = personalSubmit(h.connector.url, { sc: 'topic', v: 'lists-and-circles' });
    expect((await h.post(incoming)).status).toBe(200);
    const expected: InboundMessage = {
      platform: 'teams',
      user: MEGAN,
      conversation: { id: PERSONAL_CONVERSATION, kind: 'direct' },
      text: '',
      private: true,
      action: { id: 'topic', value: 'lists-and-circles' },
    };
    expect(seen).toEqual([expected]);
    await expectCardsSent(incoming, expected);
    expect((await testCore().handle(expected)).meta?.topic).toBe('lists-and-circles');
  });

  test('a pasted draft gets the review card', async () => {
    const text = 'So hungover after last night 🍻 and my boss is a total idiot, cannot wait to quit this place #mondays';
    const incoming = personalMessage(h.connector.url, text);
    expect((await h.post(incoming)).status).toBe(200);
    const expected: InboundMessage = { platform: 'teams', user: MEGAN, conversation: { id: PERSONAL_CONVERSATION, kind: 'direct' }, text, private: true };
    await expectCardsSent(incoming, expected);
    expect((await testCore().handle(expected)).kind).toBe('review');
  });

  test('a long review is split over several messages, each within Teams\' 28 KB', async () => {
    const unit = 'So hungover after last night, my boss is a total idiot and I cannot wait to quit. Call me at +1 415 555 0100. ';
    const text = `review: ${unit.repeat(Math.floor(60_000 / unit.length))}`;
    const incoming = personalMessage(h.connector.url, text);
    expect((await h.post(incoming)).status).toBe(200);
    const cards = await expectCardsSent(incoming, seen[0]!);
    expect(cards.length).toBeGreaterThan(1);
    for (const call of h.connector.sent()) expect(Buffer.byteLength(JSON.stringify(call.body))).toBeLessThan(28 * 1024);
  });

  test('the quiz runs step by step, each answer replacing its card with the next question', async () => {
    await h.post(personalMessage(h.connector.url, 'quiz'));
    expect(h.connector.sent()).toHaveLength(1);
    const questions = testCore().content.quiz.questions.length;
    for (let step = 0; step < questions; step += 1) {
      const card = h.connector.delivered().at(-1)!.body.attachments[0].content;
      expect(card.body.some((element: any) => element.type === 'TextBlock' && element.text === `Question ${step + 1} of ${questions}`)).toBe(true);
      const firstOption = card.body.find((element: any) => element.type === 'ActionSet').actions[0];
      expect(firstOption.data.sc).toBe('quiz');
      expect(firstOption.data.v.split('.')).toHaveLength(step + 1);
      const press = personalSubmit(h.connector.url, firstOption.data);
      await h.post(press);
      const update = h.connector.delivered().at(-1)!;
      expect(update.method).toBe('PUT');
      expect(update.path).toBe(updatePath(press));
      expect(update.body).toEqual(updateActivity(press, renderReply(await testCore().handle(seen.at(-1)!))[0]!));
    }
    expect(h.connector.sent()).toHaveLength(1);
    expect(h.connector.updated()).toHaveLength(questions);
    const result = await testCore().handle(seen.at(-1)!);
    expect(result.kind).toBe('quiz-result');
  });

  test('when Teams refuses the in-place update, the next question comes as a new message', async () => {
    h.connector.failures.push({ pattern: /^\/v3\/conversations\/[^/]+\/activities\/1485983408000$/, status: 403 });
    const press = personalSubmit(h.connector.url, { sc: 'quiz', v: '' });
    expect((await h.post(press)).status).toBe(200);
    expect(h.connector.sent().map((call) => call.body)).toEqual(renderReply(await testCore().handle(seen[0]!)).map((card) => replyActivity(press, card)));
    expect(h.logger.entries.some((entry) => entry.message === 'teams quiz card not updated in place; sending a new one')).toBe(true);
  });

  test('a tampered quiz button gets a friendly error card, not a crash', async () => {
    const incoming = personalSubmit(h.connector.url, { sc: 'quiz', v: 'nope.nope' });
    expect((await h.post(incoming)).status).toBe(200);
    const [card] = h.connector.sent().map((call) => call.body.attachments[0].content);
    expect(JSON.stringify(card)).toContain('that button no longer works');
  });

  test('a card value that is not one of our buttons is treated as an empty message (help)', async () => {
    const incoming = personalSubmit(h.connector.url, { something: 'else' });
    expect((await h.post(incoming)).status).toBe(200);
    expect(seen[0]!.action).toBeUndefined();
    expect((await testCore().handle(seen[0]!)).kind).toBe('help');
  });

  test('per-flag buttons: ignoring a word and reporting a false positive', async () => {
    const term = JSON.stringify({ category: 'nightlife', ruleId: 'nightlife.hangover', term: 'hungover' });
    await h.post(personalSubmit(h.connector.url, { sc: 'ignore-term', v: term }));
    await h.post(personalSubmit(h.connector.url, { sc: 'report-false-positive', v: term }));
    expect(seen.map((message) => message.action)).toEqual([
      { id: 'ignore-term', value: term },
      { id: 'report-false-positive', value: term },
    ]);
    const sentCards = h.connector.sent().map((call) => call.body.attachments[0].content);
    expect(sentCards).toEqual([...renderReply(await testCore().handle(seen[0]!)), ...renderReply(await testCore().handle(seen[1]!))]);
    const share = sentCards[1].body.find((element: any) => element.type === 'ActionSet').actions[0];
    expect(share.data).toEqual({ sc: 'share-false-positive-words', v: term });
  });
});

describe('channels', () => {
  test('an @mention question is answered in the thread, with the mention stripped', async () => {
    const incoming = channelMention(h.connector.url, 'what counts as confidential?');
    expect((await h.post(incoming)).status).toBe(200);
    const expected: InboundMessage = {
      platform: 'teams',
      user: { id: '29:SAMPLEID', name: 'SAMPLE USER' },
      conversation: { id: TEAM_ID, kind: 'channel', teamId: TEAM_ID },
      text: 'what counts as confidential?',
      private: false,
    };
    expect(seen).toEqual([expected]);
    await expectCardsSent(incoming, expected);
    // The reply went to the thread: POST …/activities/{the message's id}, on the thread's conversation id.
    expect(h.connector.sent()[0]!.path).toBe(`/v3/conversations/${encodeURIComponent(`${TEAM_ID};messageid=${incoming.id}`)}/activities/${incoming.id}`);
  });

  test('a draft pasted in a channel gets the gentle note to use a personal chat', async () => {
    const incoming = channelMention(h.connector.url, 'Wasted again last night lol 🍺🍺 #fridayfeeling');
    await h.post(incoming);
    const reply = await testCore().handle(seen[0]!);
    expect(reply.kind).toBe('notice');
    expect(reply.meta?.draftInPublic).toBe(true);
    await expectCardsSent(incoming, seen[0]!);
  });

  test('with two bots mentioned, only our mention is removed; the other keeps its name', async () => {
    const incoming = withServiceUrl(fixture('SampleActivity2AtMentions.json'), h.connector.url);
    await h.post(incoming);
    expect(seen[0]!.text).toBe('Test Bot 1     TestMessage');
    expect(seen[0]!.conversation).toEqual({ id: '19:ChannelID@thread.skype', kind: 'channel', teamId: '19:TeamID@thread.skype' });
  });

  test('a button pressed in a channel card comes back as the action', async () => {
    const incoming = channelSubmit(h.connector.url, { sc: 'topic', v: 'company-policy' });
    await h.post(incoming);
    expect(seen[0]!.action).toEqual({ id: 'topic', value: 'company-policy' });
    expect(seen[0]!.private).toBe(false);
    await expectCardsSent(incoming, seen[0]!);
  });
});
