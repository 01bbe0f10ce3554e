/**
 * The one HTTP server: node:http, a tiny router, request logging without bodies
 * or query strings, and a graceful close that lets requests under way finish.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports.ts';
import { sendJson, type Router } from './router.ts';

export interface HttpServer {
  server: Server;
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting requests, waits up to `timeoutMs` for those under way, then cuts what is left. */
  close(timeoutMs: number): Promise<{ drained: boolean }>;
  inFlight(): number;
}

/** What may be logged about an error: its name and code, never its message. */
export function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} (${code})` : error.name;
}

export function createHttpServer(router: Router, logger: Logger): HttpServer {
  let active = 0;
  let closing = false;
  let idle: (() => void) | undefined;
  const log = logger.child({ component: 'http' });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    active++;
    res.on('close', () => {
      active--;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Method, path, status and time only: never bodies, never query strings.
      const level = res.statusCode >= 500 ? 'error' : path === '/healthz' ? 'debug' : 'info';
      log[level]({ method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
      if (active === 0 && idle) idle();
    });
    if (closing) {
      sendJson(res, 503, { error: 'shutting_down' }, { connection: 'close', 'retry-after': '5' });
      return;
    }
    const match = router.match(req.method ?? 'GET', req.url ?? '/');
    if ('status' in match) {
      req.resume();
      if (match.status === 405) sendJson(res, 405, { error: 'method_not_allowed' }, { allow: match.allow.join(', ') });
      else sendJson(res, 404, { error: 'not_found' });
      return;
    }
    try {
      await match.handler(req, res);
    } catch (error) {
      // The kind and code only: an error's message can quote the request it failed on.
      log.error({ path, error: errorKind(error) }, 'handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
      else res.end();
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  // Slack and Bot Framework wait a few seconds at most; do not hold sockets forever.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;

  return {
    server,
    inFlight: () => active,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
          resolve({ port: address.port, url: `http://${shownHost}:${address.port}` });
        });
      });
    },
    async close(timeoutMs) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = await new Promise<boolean>((resolve) => {
        if (active === 0) return resolve(true);
        const timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
        idle = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      if (!drained) log.warn({ inFlight: active }, 'shutdown timeout: closing requests still under way');
      server.closeAllConnections();
      await closed;
      return { drained };
    },
  };
}
