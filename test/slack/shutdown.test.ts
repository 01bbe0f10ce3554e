/**
 * Bolt acknowledges an event before the reply is worked out: stopping the
 * adapter (SIGTERM) lets that work finish, so the person still gets the reply.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core.ts';
import { startHarness, type Harness } from './helpers/harness.ts';
import { createDirectMessage } from './helpers/payloads.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function slowCore(started: () => void, ms: number) {
  return (core: Core): Core => ({
    content: core.content,
    handle: async (message) => {
      started();
      await new Promise((resolve) => setTimeout(resolve, ms));
      return core.handle(message);
    },
  });
}

describe('stopping the Slack adapter', () => {
  it('lets a reply under way after the acknowledgement finish before it returns', async () => {
    let started: () => void = () => undefined;
    const working = new Promise<void>((resolve) => {
      started = resolve;
    });
    h = await startHarness({ wrapCore: slowCore(() => started(), 1_000) });
    const response = await h.send(createDirectMessage({ event: { text: 'help' } }));
    expect(response.status).toBe(200);
    await working;
    expect(h.fake.visible).toEqual([]);
    await h.adapter.stop?.();
    expect(h.fake.visible.map((call) => call.method)).toEqual(['chat.postMessage']);
  });

  it('waits no longer than drainMs, and says so in the log', async () => {
    let started: () => void = () => undefined;
    const working = new Promise<void>((resolve) => {
      started = resolve;
    });
    h = await startHarness({ wrapCore: slowCore(() => started(), 3_000), settings: { drainMs: 100 } });
    await h.send(createDirectMessage({ event: { text: 'help' } }));
    await working;
    await h.adapter.stop?.();
    expect(h.logs.some((entry) => entry.message === 'Slack: stopped with replies still being worked on')).toBe(true);
  });
});
