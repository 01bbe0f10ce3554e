/** A tiny router for node:http: exact method + path matches, a 404 and a 405 otherwise. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'POST' | 'HEAD';
  path: string;
  handler: Handler;
}

export class Router {
  private readonly routes = new Map<string, Map<string, Handler>>();

  add(route: Route): this {
    let byMethod = this.routes.get(route.path);
    if (!byMethod) {
      byMethod = new Map();
      this.routes.set(route.path, byMethod);
    }
    if (byMethod.has(route.method)) throw new Error(`Route ${route.method} ${route.path} is already mounted.`);
    byMethod.set(route.method, route.handler);
    return this;
  }

  /** The handler, or the status to answer with: 404 for an unknown path, 405 (with Allow) for a wrong method. */
  match(method: string, url: string): { handler: Handler } | { status: 404 } | { status: 405; allow: string[] } {
    const path = url.split('?')[0] ?? '/';
    const byMethod = this.routes.get(path) ?? this.routes.get(path.length > 1 ? path.replace(/\/+$/, '') : path);
    if (!byMethod) return { status: 404 };
    const handler = byMethod.get(method) ?? (method === 'HEAD' ? byMethod.get('GET') : undefined);
    if (!handler) return { status: 405, allow: [...byMethod.keys()] };
    return { handler };
  }

  list(): string[] {
    return [...this.routes.entries()].flatMap(([path, byMethod]) => [...byMethod.keys()].map((method) => `${method} ${path}`));
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), 'cache-control': 'no-store', ...headers });
  res.end(payload);
}
