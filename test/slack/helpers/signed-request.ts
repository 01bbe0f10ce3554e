/** Signs and sends requests the way Slack does: `v0=` HMAC-SHA256 of `v0:<timestamp>:<body>`. */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-8f3a1c';

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackRequest {
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
}

export interface SendOptions {
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
  path?: string;
}

export interface SentResponse {
  status: number;
  text: string;
  json(): unknown;
  /** Milliseconds until the response came back. */
  elapsedMs: number;
}

export async function send(baseUrl: string, request: SlackRequest, options: SendOptions = {}): Promise<SentResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(`${baseUrl}${options.path ?? '/slack/events'}`, {
    method: 'POST',
    headers: {
      'content-type': request.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(request.body, timestamp),
      ...options.headers,
    },
    body: request.body,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as unknown, elapsedMs: performance.now() - started };
}
