/**
 * `POST /api/messages` on a plain node:http server: read and check the body
 * ourselves (size limit, JSON, the fields an activity cannot lack), then hand
 * CloudAdapter.process the small request/response shape it expects (the one
 * express or restify would give it). Bad input is a 4xx, never a crash.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../../src/core/ports.ts';
import { errorSummary } from './error-summary.ts';

/** Activities are small; a dialog submit with the longest draft stays far below this. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, 'Request body too large.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw new HttpError(413, 'Request body too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The fields every activity needs before botbuilder may see it. */
export function parseActivity(body: Buffer): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new HttpError(400, 'The body is not an activity object.');
  const activity = data as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') throw new HttpError(400, 'The activity has no type.');
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\/[^\s]+$/i.test(activity.serviceUrl)) {
    throw new HttpError(400, 'The activity has no valid serviceUrl.');
  }
  const conversation = activity.conversation as { id?: unknown } | null | undefined;
  if (!conversation || typeof conversation !== 'object' || typeof conversation.id !== 'string' || conversation.id === '') {
    throw new HttpError(400, 'The activity has no conversation id.');
  }
  for (const key of ['from', 'recipient', 'channelData', 'value'] as const) {
    if (activity[key] !== undefined && activity[key] !== null && typeof activity[key] !== 'object') {
      throw new HttpError(400, `The activity's ${key} is not an object.`);
    }
  }
  if (activity.text !== undefined && activity.text !== null && typeof activity.text !== 'string') throw new HttpError(400, "The activity's text is not a string.");
  return activity;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, payload ? { 'content-type': 'application/json; charset=utf-8' } : {});
  res.end(payload);
}

export interface MessagesHandlerOptions {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** With an app id, a request without a bearer token is refused before botbuilder sees it. */
  requireAuthHeader: boolean;
  /** With MicrosoftAppTenantId set, activities from another Microsoft 365 organization are refused (403). */
  tenantId?: string;
}

/** The organization an activity comes from, when Teams says. */
export function tenantOf(activity: Record<string, unknown>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const conversation = activity.conversation as { tenantId?: unknown } | undefined;
  const id = channelData?.tenant?.id ?? conversation?.tenantId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function createMessagesHandler(options: MessagesHandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { adapter, logic, logger, requireAuthHeader, tenantId } = options;
  return async (req, res) => {
    let activity: Record<string, unknown>;
    try {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST.');
      activity = parseActivity(await readBody(req));
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 400;
      logger.warn({ status }, 'teams request refused');
      sendJson(res, status, { error: error instanceof HttpError ? error.message : 'Bad request.' });
      return;
    }
    // Names only, cut short: they come from the request.
    const activityType = String(activity.type).slice(0, 40);
    logger.debug({ activityType, ...(typeof activity.name === 'string' ? { invokeName: activity.name.slice(0, 60) } : {}) }, 'teams activity');
    const authorization = req.headers.authorization;
    if (requireAuthHeader && (typeof authorization !== 'string' || !/^Bearer\s+\S+/i.test(authorization))) {
      logger.warn({ status: 401, activityType }, 'teams request without a bearer token refused');
      sendJson(res, 401, { error: 'Missing bearer token.' });
      return;
    }
    const activityTenant = tenantOf(activity);
    if (tenantId && activityTenant && activityTenant.toLowerCase() !== tenantId.toLowerCase()) {
      logger.warn({ status: 403, activityType }, 'teams activity from another organization refused');
      sendJson(res, 403, { error: 'This bot serves another organization.' });
      return;
    }

    // The shape CloudAdapter.process reads and writes.
    let status = 200;
    let payload: unknown;
    const shimRequest = { method: 'POST', headers: req.headers as Record<string, string | string[] | undefined>, body: activity };
    const shimResponse = {
      socket: req.socket,
      status(code: number) {
        status = code;
        return this;
      },
      header(name: string, value: unknown) {
        if (!res.headersSent) res.setHeader(name, String(value));
        return this;
      },
      send(body: unknown) {
        payload = body;
        return this;
      },
      end() {
        return this;
      },
    };
    try {
      await adapter.process(shimRequest, shimResponse, logic);
    } catch (error) {
      logger.error({ err: errorSummary(error), activityType }, 'teams request failed');
      status = 500;
    }
    if (status === 401) logger.warn({ status, activityType }, 'teams request with an invalid token refused');
    if (status >= 500) {
      // botbuilder's body here is an error message: never pass it on.
      sendJson(res, status, { error: 'The bot could not process this activity.' });
      return;
    }
    if (status === 401) {
      sendJson(res, 401, { error: 'Unauthorized.' });
      return;
    }
    sendJson(res, status, typeof payload === 'string' ? { error: payload } : payload);
  };
}
