/** Posting to a response_url: a server that never answers is given up on, not waited for forever. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postToResponseUrl } from '../../adapters/slack/deliver.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
}

describe('postToResponseUrl', () => {
  it('gives up on a response_url that never answers, after its retries, with delivery_failed', async () => {
    let requests = 0;
    const url = await listen((req) => {
      requests++;
      req.resume(); // read the body, never answer
    });
    await expect(postToResponseUrl(fetch, url, { text: 'hi' }, 1, 10, 200)).rejects.toMatchObject({ code: 'delivery_failed' });
    expect(requests).toBe(2);
  });

  it('posts once when the response_url answers', async () => {
    const bodies: string[] = [];
    const url = await listen((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.end('ok');
      });
    });
    await postToResponseUrl(fetch, url, { text: 'hi' });
    expect(bodies).toEqual(['{"text":"hi"}']);
  });
});
