/**
 * A harness whose core records every neutral message the adapter hands it, reset
 * before each test: for suites that assert what the adapter parsed.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Core } from '../../../src/core/create-core.ts';
import type { InboundMessage } from '../../../src/core/types.ts';
import { startHarness, testCore, type Harness } from './harness.ts';

export function useRecordingHarness(): { seen: InboundMessage[]; harness: () => Harness } {
  const seen: InboundMessage[] = [];
  const core: Core = {
    get content() {
      return testCore().content;
    },
    handle(message) {
      seen.push(structuredClone(message));
      return testCore().handle(message);
    },
  };
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness({ core });
  });
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(() => {
    harness!.connector.reset();
    seen.length = 0;
  });
  return { seen, harness: () => harness! };
}
