/**
 * A local stand-in for the remote Slack: the Web API (`/api/<method>`, what
 * SLACK_API_URL points at) and response_urls (`/response/<id>`). It records
 * every call and answers from a script, so tests assert the exact calls.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url`. */
  method: string;
  /** The response_url path id, for `response_url` calls. */
  id?: string;
  params: Record<string, unknown>;
  authorization?: string;
}

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(value)) params[key] = JSON.parse(value);
    else if (value === 'true' || value === 'false') params[key] = value === 'true';
    else params[key] = value;
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const DEFAULTS: Record<string, (params: Record<string, unknown>) => unknown> = {
  'auth.test': () => ({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T111', user: 'social-check', team: 'Test' }),
  'chat.postMessage': (params) => ({ ok: true, channel: params.channel, ts: '1700000000.000100' }),
  'chat.update': (params) => ({ ok: true, channel: params.channel, ts: params.ts }),
  'chat.postEphemeral': () => ({ ok: true, message_ts: '1700000000.000200' }),
  'users.info': (params) => ({ ok: true, user: { id: params.user, is_admin: false, is_owner: false } }),
  'views.open': () => ({ ok: true, view: { id: 'V123' } }),
  'views.publish': () => ({ ok: true, view: { id: 'V456' } }),
};

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly #script = new Map<string, ScriptedResponse[]>();
  readonly #waiters: Array<() => void> = [];
  #server: Server | undefined;
  url = '';

  /** The next calls of `method` get these answers, in order; then the defaults again. */
  script(method: string, ...responses: ScriptedResponse[]): void {
    this.#script.set(method, [...(this.#script.get(method) ?? []), ...responses]);
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** Calls other than auth.test (which runs in the background at start-up). */
  get visible(): RecordedCall[] {
    return this.calls.filter((call) => call.method !== 'auth.test');
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      void (async () => {
        const raw = await readBody(req);
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const response = path.startsWith('/response/') ? 'response_url' : path.replace(/^\/api\//, '');
        const call: RecordedCall = { method: response, params: parseParams(raw, req.headers['content-type']) };
        if (response === 'response_url') call.id = path.slice('/response/'.length);
        if (req.headers.authorization) call.authorization = req.headers.authorization;
        this.calls.push(call);
        const scripted = this.#script.get(response)?.shift();
        const status = scripted?.status ?? 200;
        const body = scripted?.body ?? (response === 'response_url' ? 'ok' : (DEFAULTS[response]?.(call.params) ?? { ok: true }));
        res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...scripted?.headers });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
        for (const wake of this.#waiters.splice(0)) wake();
      })();
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Resolves when `predicate` holds over the calls so far; fails after `timeoutMs`. */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 15_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.visible)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`FakeSlack: timed out; calls so far: ${this.visible.map((call) => call.method).join(', ') || 'none'}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.visible;
  }

  /** Waits for `count` visible calls, then a little longer to catch any extra one. */
  async settle(count: number, quietMs = 150): Promise<RecordedCall[]> {
    await this.waitFor((calls) => calls.length >= count);
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    return this.visible;
  }

  reset(): void {
    this.calls.length = 0;
    this.#script.clear();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}
