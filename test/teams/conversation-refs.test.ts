/**
 * Conversation references: captured on install and on messages, renamed and
 * deleted with the channel or the app, and used by the poster for proactive
 * nudges (the Bot Connector is the local fake).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { renderReply } from '../../adapters/teams/render.ts';
import { isSocialCheckError } from '../../src/core/errors.ts';
import type { ConversationRefRecord } from '../../src/core/ports.ts';
import { makeReply } from '../../src/core/replies.ts';
import { channelMention, fixture, TEAM_ID, withServiceUrl, type Activity } from './helpers/activities.ts';
import { replyActivity } from './helpers/expect-sent.ts';
import { NOW, startHarness, testCore, type Harness } from './helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.connector.reset();
  h.refs.records.clear();
});

const SONG_TEAM = '19:efa9296d959346209fea44151c742e73@thread.skype';
const SONG_BOT = { id: '28:f5d48856-5b42-41a0-8c3a-c5f944b679b0', name: 'SongsuggesterBot' };

function botAddedToTeam(): Activity {
  return withServiceUrl(fixture('conversationUpdate_bot_added_to_team.json'), h.connector.url);
}

function generalRecord(): ConversationRefRecord {
  return {
    platform: 'teams',
    conversationId: SONG_TEAM,
    teamId: SONG_TEAM,
    name: 'General',
    kind: 'channel',
    reference: {
      bot: SONG_BOT,
      conversation: { isGroup: true, conversationType: 'channel', id: SONG_TEAM },
      channelId: 'msteams',
      serviceUrl: h.connector.url,
    },
    updatedAt: NOW,
  };
}

describe('capturing references', () => {
  test('the bot added to a team: the General channel is stored, nothing is posted', async () => {
    expect((await h.post(botAddedToTeam())).status).toBe(200);
    expect(await h.refs.listConversationRefs('teams')).toEqual([generalRecord()]);
    expect(h.connector.sent()).toEqual([]);
  });

  test('every channel Teams lists for the team is stored under its name, ready for nudge #name', async () => {
    h.connector.teamChannels.set(SONG_TEAM, [{ id: SONG_TEAM }, { id: '19:marketing@thread.skype', name: 'Marketing' }, { id: '19:random@thread.skype', name: 'Random fun' }]);
    await h.post(botAddedToTeam());
    expect(h.connector.calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /v3/teams/${encodeURIComponent(SONG_TEAM)}/conversations`]);
    const channel = (id: string, name: string): ConversationRefRecord => {
      const general = generalRecord();
      const reference = general.reference as { conversation: Record<string, unknown> };
      return { ...general, conversationId: id, name, reference: { ...reference, conversation: { ...reference.conversation, id } } };
    };
    expect(await h.refs.listConversationRefs('teams', SONG_TEAM)).toEqual([
      generalRecord(),
      channel('19:marketing@thread.skype', 'Marketing'),
      channel('19:random@thread.skype', 'Random fun'),
    ]);
    // And a nudge to one of them is a new post in that channel.
    await h.adapter.poster.post({ platform: 'teams', channelId: '19:marketing@thread.skype' }, makeReply('nudge', [{ type: 'paragraph', text: 'Hello' }]));
    expect(h.connector.sent().map((call) => call.path)).toEqual([`/v3/conversations/${encodeURIComponent('19:marketing@thread.skype')}/activities`]);
  });

  test('when Teams will not list the channels, the install still stores General and says why in the log', async () => {
    h.connector.failures.push({ pattern: /^\/v3\/teams\//, status: 403 });
    await h.post(botAddedToTeam());
    expect(await h.refs.listConversationRefs('teams')).toEqual([generalRecord()]);
    expect(h.logger.entries.some((entry) => entry.message === 'teams channel list not available; channels are learned when the bot is mentioned there')).toBe(true);
  });

  test('a channel created later is stored as soon as Teams announces it', async () => {
    const created = withServiceUrl(fixture('SampleActivityChannelRenamed.json'), h.connector.url);
    await h.post({ ...created, channelData: { ...created.channelData, eventType: 'channelCreated', channel: { id: '19:new@thread.skype', name: 'Launch' } } });
    expect(await h.refs.getConversationRef('teams', '19:new@thread.skype')).toMatchObject({ name: 'Launch', kind: 'channel', teamId: TEAM_ID });
  });

  test('installed in a personal chat: stored as personal, and a welcome card is sent', async () => {
    const incoming = withServiceUrl(fixture('SampleActivityConversationUpdateWithAADObjectId.json'), h.connector.url);
    await h.post(incoming);
    expect(await h.refs.listConversationRefs('teams')).toEqual([
      {
        platform: 'teams',
        conversationId: 'a:uniqueID',
        kind: 'personal',
        reference: { bot: { id: '28:uniqueId', name: 'Bot Name' }, conversation: { conversationType: 'personal', id: 'a:uniqueID' }, channelId: 'msteams', serviceUrl: h.connector.url },
        updatedAt: NOW,
      },
    ]);
    const welcome = renderReply(await testCore().handle({ platform: 'teams', user: { id: 'x' }, conversation: { id: 'a:uniqueID', kind: 'direct' }, text: 'help' }));
    expect(h.connector.sent().map((call) => call.body)).toEqual(welcome.map((card) => replyActivity(incoming, card)));
  });

  test('installationUpdate add stores the reference with the team; remove forgets every channel of the team', async () => {
    const add: Activity = { ...botAddedToTeam(), type: 'installationUpdate', action: 'add' };
    delete add.membersAdded;
    await h.post(add);
    expect(await h.refs.listConversationRefs('teams')).toEqual([generalRecord()]);
    await h.refs.saveConversationRef({ ...generalRecord(), conversationId: '19:other@thread.skype', name: 'Marketing' });
    await h.refs.saveConversationRef({ ...generalRecord(), conversationId: '19:elsewhere@thread.skype', teamId: '19:another-team@thread.skype' });
    expect(await h.refs.listConversationRefs('teams', SONG_TEAM)).toHaveLength(2);
    await h.post({ ...add, action: 'remove' });
    expect((await h.refs.listConversationRefs('teams')).map((record) => record.conversationId)).toEqual(['19:elsewhere@thread.skype']);
  });

  test('the bot removed from the team (membersRemoved) forgets the team; another member leaving does not', async () => {
    await h.post(botAddedToTeam());
    const someoneLeft = withServiceUrl(fixture('conversationUpdate_team_member_removed.json'), h.connector.url);
    await h.post(someoneLeft);
    expect(await h.refs.listConversationRefs('teams')).toHaveLength(1);
    await h.post({ ...someoneLeft, membersRemoved: [{ id: SONG_BOT.id }] });
    expect(await h.refs.listConversationRefs('teams')).toEqual([]);
  });

  test('a channel message stores that channel (not the thread), keeping the name it already had', async () => {
    await h.post(channelMention(h.connector.url, 'help'));
    const [record] = await h.refs.listConversationRefs('teams');
    expect(record).toMatchObject({ conversationId: TEAM_ID, teamId: TEAM_ID, kind: 'channel', name: 'General' });
    expect((record!.reference as { conversation: { id: string } }).conversation.id).toBe(TEAM_ID);
    expect(record!.reference).not.toHaveProperty('activityId');
    expect(record!.reference).not.toHaveProperty('user');
  });

  test('a renamed channel keeps its reference under the new name; a deleted one is forgotten', async () => {
    const renamed = withServiceUrl(fixture('SampleActivityChannelRenamed.json'), h.connector.url);
    await h.refs.saveConversationRef({ ...generalRecord(), conversationId: '19:Channel2@thread.skype', teamId: TEAM_ID, name: 'Channel2' });
    await h.post(renamed);
    expect((await h.refs.getConversationRef('teams', '19:Channel2@thread.skype'))?.name).toBe('Channel3');
    await h.post({ ...renamed, channelData: { ...renamed.channelData, eventType: 'channelDeleted' } });
    expect(await h.refs.getConversationRef('teams', '19:Channel2@thread.skype')).toBeUndefined();
  });
});

describe('proactive nudges through the poster', () => {
  const nudge = makeReply('nudge', [
    { type: 'heading', text: 'Tip of the week' },
    { type: 'paragraph', text: 'Before you accept a coworker’s friend request, decide which network is for whom.' },
  ]);

  test('a nudge goes to the stored channel as a new post with its card', async () => {
    await h.post(botAddedToTeam());
    const result = await h.adapter.poster.post({ platform: 'teams', channelId: SONG_TEAM, teamId: SONG_TEAM }, nudge);
    expect(h.connector.sent().map((call) => call.path)).toEqual([`/v3/conversations/${encodeURIComponent(SONG_TEAM)}/activities`]);
    const [card] = renderReply(nudge);
    expect(h.connector.sent()[0]!.body).toEqual({
      type: 'message',
      serviceUrl: h.connector.url,
      channelId: 'msteams',
      from: SONG_BOT,
      conversation: { isGroup: true, conversationType: 'channel', id: SONG_TEAM },
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    expect(result).toEqual({ messageId: 'sent-1' });
  });

  test('no stored reference: channel_unavailable with a helpful message', async () => {
    const error = await h.adapter.poster.post({ platform: 'teams', channelId: '19:unknown@thread.skype' }, nudge).catch((caught: unknown) => caught);
    expect(isSocialCheckError(error, 'channel_unavailable')).toBe(true);
    expect((error as Error).message).toBe(
      'I cannot post to that Teams conversation yet: add social-check to the team (or mention it once in the channel) so Teams lets it post there.',
    );
  });

  test.each([403, 404])('the connector answers %i (bot removed): channel_unavailable', async (status) => {
    await h.post(botAddedToTeam());
    h.connector.failures.push({ pattern: /\/v3\/conversations\//, status });
    const error = await h.adapter.poster.post({ platform: 'teams', channelId: SONG_TEAM }, nudge).catch((caught: unknown) => caught);
    expect(isSocialCheckError(error, 'channel_unavailable')).toBe(true);
    expect((error as Error).message).toBe('Teams refused the post to "General": the app was probably removed from it. Add it again to post there.');
  });

  test('another connector failure: delivery_failed', async () => {
    await h.post(botAddedToTeam());
    h.connector.failures.push({ pattern: /\/v3\/conversations\//, status: 400 });
    const error = await h.adapter.poster.post({ platform: 'teams', channelId: SONG_TEAM }, nudge).catch((caught: unknown) => caught);
    expect(isSocialCheckError(error, 'delivery_failed')).toBe(true);
    expect((error as Error).message).toBe('Teams did not accept the post (HTTP 400).');
  });
});
