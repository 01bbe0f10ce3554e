/** Request verification and parsing through the real Bolt receiver on a real HTTP server. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.ts';
import { createDirectMessage, createSlashCommand, createUrlVerification } from './helpers/payloads.ts';
import { sign } from './helpers/signed-request.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.fake.reset());

describe('request verification', () => {
  it('answers the url_verification challenge', async () => {
    const response = await h.send(createUrlVerification());
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('refuses a bad signature with 401 and does nothing', async () => {
    const request = createSlashCommand({ text: 'help' });
    const response = await h.send(request, { signature: sign(request.body, Math.floor(Date.now() / 1000), 'another-secret') });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.visible).toEqual([]);
  });

  it('refuses a stale timestamp (over five minutes old) with 401, even correctly signed', async () => {
    const request = createDirectMessage({ event: { text: 'help' } });
    const response = await h.send(request, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.fake.visible).toEqual([]);
  });

  it('refuses a request without signature headers with 401', async () => {
    const response = await fetch(`${h.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
  });

  it('answers a signed but malformed body with 400', async () => {
    const response = await h.send({ body: '{"type": "event_callback", ', contentType: 'application/json' });
    expect(response.status).toBe(400);
    const form = await h.send({ body: 'payload=%7Bnot-json', contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    // The parser's error quotes the body; the log line must not.
    const logged = JSON.stringify(h.logs);
    expect(logged).toContain('Malformed request body');
    expect(logged).not.toContain('event_callback');
    expect(logged).not.toContain('not-json');
  });

  it('logs no word of a malformed body, even one that holds quotes of its own', async () => {
    // JSON.parse quotes the start of the body; quotes inside it must not let words through.
    const form = await h.send({ body: `payload=${encodeURIComponent('{"my secret draft": "about my boss')}`, contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    const json = await h.send({ body: 'x"hidden words here', contentType: 'application/json' });
    expect(json.status).toBe(400);
    const logged = JSON.stringify(h.logs);
    for (const word of ['secret', 'draft', 'boss', 'hidden', 'words']) expect(logged).not.toContain(word);
    expect(logged).toContain('Malformed request body');
  });

  it('refuses a body over 1 MB with 413 before reading further', async () => {
    const response = await h.send({ body: `payload=${'x'.repeat(1024 * 1024 + 10)}`, contentType: 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(413);
    expect(JSON.stringify(h.logs)).not.toContain('xxxxxxxx');
  });

  it('keeps serving after bad requests', async () => {
    const response = await h.send(createSlashCommand({ text: 'help' }));
    expect(response.status).toBe(200);
    expect((response.json() as { response_type: string }).response_type).toBe('ephemeral');
  });
});
