import { describe, expect, it } from 'vitest';
import { createLogger, memoryDestination } from '../../src/server/logger.ts';

describe('the logger', () => {
  it('writes JSON lines with level names and the service', () => {
    const out = memoryDestination();
    const logger = createLogger({ level: 'info', destination: out });
    logger.child({ component: 'test' }).info({ status: 200 }, 'request');
    logger.debug({}, 'hidden at info');
    const lines = out.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', service: 'social-check', component: 'test', status: 200, msg: 'request' });
  });

  it('never writes draft text, even when a caller passes it by mistake', () => {
    const canary = 'CANARY-7f3a-drunk-at-the-offsite';
    const out = memoryDestination();
    const logger = createLogger({ level: 'trace', destination: out });
    logger.info({ text: canary }, 'top-level text');
    logger.info({ message: { text: canary, user: 'U1' } }, 'nested text');
    logger.info({ draft: canary, body: canary, value: canary, words: canary }, 'other fields');
    logger.child({ activity: { text: canary } }).warn({ event: { blocks: [canary], view: { state: canary } } }, 'platform payloads');
    logger.error({ req: { body: canary, headers: { authorization: 'Bearer secret-token' } } }, 'request');
    const text = out.text();
    expect(out.lines).toHaveLength(5);
    expect(text).not.toContain(canary);
    expect(text).not.toContain('secret-token');
    // What is not sensitive stays.
    expect(JSON.parse(out.lines[1]!)).toMatchObject({ message: { user: 'U1' }, msg: 'nested text' });
  });
});
