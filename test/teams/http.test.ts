/**
 * The HTTP edge: bad requests are 4xx and never crash the server; with an app
 * id every request needs a valid Bot Framework token (real botbuilder
 * validation against a JWKS served by nock); without one the adapter runs
 * anonymously and says so.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTeamsAdapter } from '../../adapters/teams/index.ts';
import { personalMessage } from './helpers/activities.ts';
import { channelToken, jwks } from './helpers/bot-framework-token.ts';
import { startHarness, testCore, type Harness } from './helpers/harness.ts';
import { memoryLogger } from '../shared/memory-logger.ts';
import { MemoryRefStore } from './helpers/memory-refs.ts';

const APP_ID = '8d6a2b2e-4c4a-4f5e-9a51-0b8f3c1d2e77';

describe('anonymous mode (no MicrosoftAppId)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  test('says so in the log and in describe()', () => {
    expect(h.logger.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.message)).toEqual([
      'Teams adapter running WITHOUT authentication (no MicrosoftAppId): anyone can post activities. For local testing only.',
    ]);
    expect(h.adapter.describe()).toBe('Teams over HTTP at POST /api/messages (anonymous: no MicrosoftAppId, local testing only)');
  });

  test.each([
    ['not JSON', 'hello there', 400, 'The body is not valid JSON.'],
    ['a JSON array', '[1,2]', 400, 'The body is not an activity object.'],
    ['JSON null', 'null', 400, 'The body is not an activity object.'],
    ['no type', JSON.stringify({ serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'a' } }), 400, 'The activity has no type.'],
    ['no serviceUrl', JSON.stringify({ type: 'message', conversation: { id: 'a' } }), 400, 'The activity has no valid serviceUrl.'],
    ['a serviceUrl that is not http(s)', JSON.stringify({ type: 'message', serviceUrl: 'file:///etc/passwd', conversation: { id: 'a' } }), 400, 'The activity has no valid serviceUrl.'],
    ['no conversation', JSON.stringify({ type: 'message', serviceUrl: 'http://127.0.0.1:1/' }), 400, 'The activity has no conversation id.'],
    ['a conversation without id', JSON.stringify({ type: 'message', serviceUrl: 'http://127.0.0.1:1/', conversation: {} }), 400, 'The activity has no conversation id.'],
    ['text that is not a string', JSON.stringify({ type: 'message', serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'a' }, text: { a: 1 } }), 400, "The activity's text is not a string."],
    ['from that is not an object', JSON.stringify({ type: 'message', serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'a' }, from: 'x' }), 400, "The activity's from is not an object."],
  ])('a body with %s is answered 400', async (_what, body, status, error) => {
    expect(await h.postRaw(body)).toEqual({ status, body: { error } });
    expect(h.connector.calls).toEqual([]);
  });

  test('a body over 1 MB is answered 413', async () => {
    const huge = JSON.stringify({ ...personalMessage(h.connector.url, 'x'.repeat(1_100_000)) });
    expect(await h.postRaw(huge)).toEqual({ status: 413, body: { error: 'Request body too large.' } });
  });

  test('after all that the server still answers a real message', async () => {
    h.connector.reset();
    expect((await h.post(personalMessage(h.connector.url, 'help'))).status).toBe(200);
    expect(h.connector.sent()).toHaveLength(1);
  });

  test('no request body or message text reaches the log', () => {
    const logged = JSON.stringify(h.logger.entries);
    expect(logged).not.toContain('hello there');
    expect(logged).not.toContain('xxxxxxxx');
  });
});

/** Microsoft's identity endpoints (nock): the keys our test tokens are signed with, and the bot's own token for its replies. */
function mockMicrosoftIdentity(): void {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nock('https://login.botframework.com')
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, { issuer: 'https://api.botframework.com', jwks_uri: 'https://login.botframework.com/v1/.well-known/keys' })
    .get('/v1/.well-known/keys')
    .reply(200, jwks());
  nock('https://login.microsoftonline.com')
    .persist()
    .post(/\/oauth2\/v2\.0\/token/)
    .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'bot-outbound-token' });
}

describe('with MicrosoftAppId: every request is authenticated', () => {
  let h: Harness;
  beforeAll(async () => {
    mockMicrosoftIdentity();
    h = await startHarness({ config: { appId: APP_ID, appPassword: 'test-secret', appType: 'MultiTenant' } });
  });
  afterEach(() => {
    h.connector.reset();
  });
  afterAll(async () => {
    await h.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  test('describe() names the app', () => {
    expect(h.adapter.describe()).toBe(`Teams over HTTP at POST /api/messages (app ${APP_ID}, MultiTenant)`);
  });

  test('no token: 401, and nothing is sent', async () => {
    expect(await h.post(personalMessage(h.connector.url, 'help'))).toEqual({ status: 401, body: { error: 'Missing bearer token.' } });
    expect(h.connector.calls).toEqual([]);
  });

  test('a token that is not a JWT: 401', async () => {
    const response = await h.post(personalMessage(h.connector.url, 'help'), { authorization: 'Bearer not-a-token' });
    expect(response).toEqual({ status: 401, body: { error: 'Unauthorized.' } });
    expect(h.connector.calls).toEqual([]);
  });

  test('a token for another app: 401', async () => {
    const activity = personalMessage(h.connector.url, 'help');
    const token = channelToken({ appId: 'someone-else', serviceUrl: activity.serviceUrl });
    expect((await h.post(activity, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect(h.connector.calls).toEqual([]);
  });

  test('a token from another issuer: 401', async () => {
    const activity = personalMessage(h.connector.url, 'help');
    const token = channelToken({ appId: APP_ID, serviceUrl: activity.serviceUrl, issuer: 'https://evil.example' });
    expect((await h.post(activity, { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  test('an expired token: 401', async () => {
    const activity = personalMessage(h.connector.url, 'help');
    const token = channelToken({ appId: APP_ID, serviceUrl: activity.serviceUrl, expiresInSeconds: -3600 });
    expect((await h.post(activity, { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  test('a valid channel token: 200, and the reply carries the bot\'s own token', async () => {
    const activity = personalMessage(h.connector.url, 'help');
    const token = channelToken({ appId: APP_ID, serviceUrl: activity.serviceUrl });
    expect((await h.post(activity, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(h.connector.sent()).toHaveLength(1);
    expect(h.connector.sent()[0]!.headers.authorization).toBe('Bearer bot-outbound-token');
  });
});

describe('single tenant: activities from another organization are refused', () => {
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  let h: Harness;
  beforeAll(async () => {
    mockMicrosoftIdentity();
    h = await startHarness({ config: { appId: APP_ID, appPassword: 'test-secret', appType: 'SingleTenant', tenantId: TENANT } });
  });
  afterAll(async () => {
    await h.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  test('another tenant: 403, nothing sent', async () => {
    const activity = personalMessage(h.connector.url, 'help', { channelData: { tenant: { id: '0d9b645f-597b-41f0-a2a3-ef103fbd91bb' } } });
    const token = channelToken({ appId: APP_ID, serviceUrl: activity.serviceUrl });
    expect(await h.post(activity, { authorization: `Bearer ${token}` })).toEqual({ status: 403, body: { error: 'This bot serves another organization.' } });
    expect(h.connector.calls).toEqual([]);
  });

  test('our tenant: answered', async () => {
    const activity = personalMessage(h.connector.url, 'help');
    expect(activity.channelData.tenant.id).toBe(TENANT);
    const token = channelToken({ appId: APP_ID, serviceUrl: activity.serviceUrl });
    expect((await h.post(activity, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(h.connector.sent()).toHaveLength(1);
  });
});

describe('configuration', () => {
  const base = { core: testCore(), refs: new MemoryRefStore(), logger: memoryLogger() };
  test.each([
    [{ appId: APP_ID }, 'MicrosoftAppId is set but MicrosoftAppPassword is not: a MultiTenant bot needs its client secret.'],
    [{ appPassword: 'secret' }, 'MicrosoftAppPassword is set but MicrosoftAppId is not: set both, or neither for local testing.'],
    [{ appId: APP_ID, appPassword: 'x', appType: 'SingleTenant' }, 'A SingleTenant bot needs MicrosoftAppTenantId (the Entra tenant the app registration lives in).'],
    [{ appId: APP_ID, appPassword: 'x', appType: 'Personal' }, 'MicrosoftAppType "Personal" is not one of MultiTenant, SingleTenant, UserAssignedMSI.'],
  ])('%o is refused at start-up', async (config, message) => {
    await expect(createTeamsAdapter({ ...base, config })).rejects.toMatchObject({ code: 'config_invalid', message });
  });

  test('a single-tenant bot with its tenant starts', async () => {
    const adapter = await createTeamsAdapter({ ...base, config: { appId: APP_ID, appPassword: 'x', appType: 'singletenant', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' } });
    expect(adapter.describe()).toBe(`Teams over HTTP at POST /api/messages (app ${APP_ID}, SingleTenant)`);
  });
});
