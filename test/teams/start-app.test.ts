/**
 * Teams through the real server (startApp with the real adapters, SQLite
 * storage, the manager desk): install in a team, a manager's `nudge here next`
 * goes out proactively from the stored reference, and the other commands answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startApp, type RunningApp } from '../../adapters/app.ts';
import { renderReply } from '../../adapters/teams/render.ts';
import { loadConfig } from '../../src/server/config.ts';
import { channelMention, fixture, personalMessage, withServiceUrl, type Activity } from './helpers/activities.ts';
import { cardStrings } from './helpers/expect-sent.ts';
import { FakeConnector } from './helpers/fake-connector.ts';
import { memoryLogger } from '../shared/memory-logger.ts';

const SONG_TEAM = '19:efa9296d959346209fea44151c742e73@thread.skype';
const MANAGER_AAD = 'c33aafc4-646d-4543-9d4c-abd28e4d2110';
const MEGAN_AAD = '7faf8ab2-3d56-4244-b585-20c8a42ed2b8';

let app: RunningApp;
let connector: FakeConnector;
let folder: string;
const logger = memoryLogger();

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'social-check-teams-'));
  connector = await new FakeConnector().start();
  const config = loadConfig({ SQLITE_PATH: join(folder, 'db.sqlite'), MANAGER_IDS: `teams:${MANAGER_AAD}`, LOG_LEVEL: 'error' });
  app = await startApp({ config, port: 0, logger, startScheduler: false });
});
afterAll(async () => {
  await app.close();
  await connector.stop();
  rmSync(folder, { recursive: true, force: true });
});
beforeEach(() => {
  connector.reset();
});

async function post(activity: Activity) {
  const response = await fetch(`${app.url.replace(/\/$/, '')}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return response.status;
}

/** A message @mentioning the bot in the General channel of the docs' team, from `aad`. */
function inSongTeam(text: string, aad: string): Activity {
  const base = channelMention(connector.url, text);
  return {
    ...base,
    from: { id: '29:manager', name: 'Team Lead', aadObjectId: aad },
    recipient: { id: '28:f5d48856-5b42-41a0-8c3a-c5f944b679b0', name: 'SongsuggesterBot' },
    text: `<at>SongsuggesterBot</at> ${text}`,
    entities: [{ type: 'mention', text: '<at>SongsuggesterBot</at>', mentioned: { id: '28:f5d48856-5b42-41a0-8c3a-c5f944b679b0', name: 'SongsuggesterBot' } }],
    conversation: { isGroup: true, conversationType: 'channel', id: `${SONG_TEAM};messageid=${base.id}` },
    channelData: { team: { id: SONG_TEAM }, channel: { id: SONG_TEAM }, tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } },
  };
}

describe('Teams on the shared server', () => {
  test('the start-up log says Teams runs anonymously', () => {
    expect(app.adapters.map((adapter) => adapter.describe())).toContain('Teams over HTTP at POST /api/messages (anonymous: no MicrosoftAppId, local testing only)');
  });

  test('installing the bot in a team stores the reference in the database', async () => {
    expect(await post(withServiceUrl(fixture('conversationUpdate_bot_added_to_team.json'), connector.url))).toBe(200);
    const record = await app.storage.refs.getConversationRef('teams', SONG_TEAM);
    expect(record).toMatchObject({ platform: 'teams', conversationId: SONG_TEAM, teamId: SONG_TEAM, name: 'General', kind: 'channel' });
  });

  test('a manager says "nudge here next" in the channel: the tip goes out as a new post, the confirmation into the thread', async () => {
    const incoming = inSongTeam('nudge here next', MANAGER_AAD);
    expect(await post(incoming)).toBe(200);
    const sent = connector.sent();
    const newPosts = sent.filter((call) => call.path === `/v3/conversations/${encodeURIComponent(SONG_TEAM)}/activities`);
    const threadReplies = sent.filter((call) => call.path.endsWith(`/activities/${incoming.id}`));
    expect(newPosts).toHaveLength(1);
    expect(newPosts[0]!.body.replyToId).toBeUndefined();
    expect(newPosts[0]!.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(threadReplies).toHaveLength(1);
    expect(sent).toHaveLength(2);
  });

  test('someone who is not a manager is told how to become one, with their Teams id', async () => {
    expect(await post(inSongTeam('nudge list', MEGAN_AAD))).toBe(200);
    const text = cardStrings(connector.sent()[0]!.body.attachments).join('\n');
    expect(text).toContain('only managers can send nudges');
    expect(text).toContain(`teams:${MEGAN_AAD}`);
  });

  test('stats in a personal chat answers the manager there', async () => {
    const incoming: Activity = { ...personalMessage(connector.url, 'stats'), from: { id: '29:manager', name: 'Team Lead', aadObjectId: MANAGER_AAD } };
    expect(await post(incoming)).toBe(200);
    const [call] = connector.sent();
    const reply = await app.core.handle({ platform: 'teams', user: { id: MANAGER_AAD }, conversation: { id: incoming.conversation.id, kind: 'direct' }, text: 'stats', private: true });
    expect(reply.kind).not.toBe('error');
    expect(call!.body.attachments.map((attachment: { content: unknown }) => attachment.content)).toEqual(renderReply(reply));
  });

  test('a personal-chat review is not stored anywhere: the draft never reaches the logs', async () => {
    const draft = 'Leaked: Project Falcon ships on 3 March, numbers attached';
    expect(await post(personalMessage(connector.url, `review: ${draft}`))).toBe(200);
    expect(JSON.stringify(logger.entries)).not.toContain('Project Falcon');
  });
});
