/**
 * A local stand-in for the Bot Connector service: the activities' `serviceUrl`
 * points here, so every reply botbuilder sends is captured as it would reach Teams.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Status to answer for paths matching a pattern (e.g. 403 for a channel the bot left). */
  readonly failures: Array<{ pattern: RegExp; status: number }> = [];
  /** What GET /v3/teams/{teamId}/conversations lists; by default only the General channel (id = team id, no name, as Teams lists it). */
  readonly teamChannels = new Map<string, Array<{ id: string; name?: string }>>();
  private server?: Server;
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '';
        this.calls.push({ method: req.method ?? '', path, headers: req.headers, body: raw ? JSON.parse(raw) : undefined });
        const failure = this.failures.find((entry) => entry.pattern.test(path));
        res.setHeader('content-type', 'application/json');
        if (failure) {
          res.statusCode = failure.status;
          res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }));
          return;
        }
        const channelList = /^\/v3\/teams\/([^/]+)\/conversations$/.exec(path);
        if (req.method === 'GET' && channelList) {
          const teamId = decodeURIComponent(channelList[1]!);
          res.end(JSON.stringify({ conversations: this.teamChannels.get(teamId) ?? [{ id: teamId }] }));
          return;
        }
        this.counter += 1;
        res.end(JSON.stringify({ id: `sent-${this.counter}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** The activities sent (POSTs to /v3/conversations/…/activities…), in order. */
  sent(): ConnectorCall[] {
    return this.calls.filter((call) => call.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(call.path));
  }

  /** Cards updated in place (PUT …/activities/{id}), in order. */
  updated(): ConnectorCall[] {
    return this.calls.filter((call) => call.method === 'PUT' && /\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(call.path));
  }

  /** Everything that reached the conversation: new messages and in-place updates, in order. */
  delivered(): ConnectorCall[] {
    return this.calls.filter((call) => this.sent().includes(call) || this.updated().includes(call));
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.length = 0;
    this.teamChannels.clear();
    this.counter = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
