import { afterEach, describe, expect, it } from 'vitest';
import { healthReport } from '../../src/server/health.ts';
import { createHttpServer, type HttpServer } from '../../src/server/http-server.ts';
import { createLogger, memoryDestination } from '../../src/server/logger.ts';
import { Router } from '../../src/server/router.ts';

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close(1_000);
  server = undefined;
});

describe('the HTTP server', () => {
  it('answers a failing handler with 500 and logs the error kind, never its message', async () => {
    const lines = memoryDestination();
    const router = new Router().add({
      method: 'POST',
      path: '/boom',
      handler: () => {
        // A parse error quoting the request, as JSON.parse and validators write them.
        throw new SyntaxError('Unexpected token in "my secret draft about the CANARY-7731 merger"');
      },
    });
    server = createHttpServer(router, createLogger({ level: 'debug', destination: lines }));
    const { url } = await server.listen(0, '127.0.0.1');
    const response = await fetch(`${url}/boom`, { method: 'POST', body: 'my secret draft about the CANARY-7731 merger' });
    expect([response.status, await response.json()]).toEqual([500, { error: 'internal_error' }]);
    const failed = lines.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'handler failed');
    expect(failed).toMatchObject({ path: '/boom', error: 'SyntaxError' });
    expect(lines.text()).not.toContain('CANARY-7731');
  });

  it('answers an unknown path with 404 and a wrong method with 405 and Allow', async () => {
    const router = new Router().add({ method: 'GET', path: '/healthz', handler: (_req, res) => void res.end('ok') });
    server = createHttpServer(router, createLogger({ level: 'silent', destination: memoryDestination() }));
    const { url } = await server.listen(0, '127.0.0.1');
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    const wrong = await fetch(`${url}/healthz`, { method: 'POST', body: 'x' });
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET']);
  });
});

describe('/healthz on a failing database', () => {
  const sources = (ping: () => Promise<void>) => ({
    version: 'test',
    database: { engine: 'postgres' as const, ping },
    platforms: () => ({ slack: { enabled: false, mode: 'off' }, teams: { enabled: true, mode: 'anonymous' } }),
    scheduler: () => ({ running: true }),
    clock: () => new Date('2026-11-24T09:00:00Z'),
  });

  it('says degraded with the error code only, never the driver message (it names hosts and users)', async () => {
    const failure = Object.assign(new Error('password authentication failed for user "svc_social" at db-internal-7.corp:5432'), { code: '28P01' });
    const report = await healthReport(
      sources(async () => {
        throw failure;
      }),
    );
    expect(report).toMatchObject({ status: 'degraded', database: { engine: 'postgres', ok: false, error: 'unreachable (28P01)' } });
    expect(JSON.stringify(report)).not.toContain('db-internal-7');
    expect(JSON.stringify(report)).not.toContain('svc_social');
  });

  it('says so when the database does not answer in time', async () => {
    const report = await healthReport(sources(() => new Promise<void>(() => undefined)));
    expect(report.database).toEqual({ engine: 'postgres', ok: false, error: 'no answer within 2000 ms' });
  });
});
