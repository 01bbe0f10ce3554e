/**
 * Slack slash-command throughput: signed `/social-check <real draft>` requests at
 * the real server (startApp: Bolt receiver, core, review in the acknowledgement)
 * and, in the same run, at a bare Bolt app that only acknowledges. Prints
 * throughput and p50/p99 latency for both and the ratio.
 *   node --import tsx bench/slack-throughput.ts [--connections 10] [--seconds 10]
 * Two runs: one connection (latency without queueing) and 10 concurrent connections
 * (saturation: as fast as each target answers). The targets run in a child process,
 * so the load generator does not share their event loop. A third target, the
 * adapter with the core's replies cached, shows what the adapter costs over bare Bolt.
 * Target: p99 within 1.2x of the bare app, far under Slack's 3 seconds.
 *
 * Why the 1.2x is not met (November 2026, 2-core machine): under saturation p99
 * follows the cost per request. The bare app spends about 0.17 ms of CPU per
 * request (signature, parsing, Bolt's middleware, an empty 200); 1.2x leaves
 * 0.035 ms for everything a real answer adds. The review alone takes 0.05-0.1 ms
 * (rules and learned model), and rendering and writing a 4.8 KB Block Kit reply
 * (the full text fallback is kept: mobile notifications and screen readers read
 * it) costs about as much: the adapter with cached replies is already 1.3x. The
 * ratio is reachable only by acknowledging empty and sending every answer through
 * response_url, which adds a round trip for the person; the issue asks for the
 * answer in the acknowledgement when it is ready in time, so this is the team's call.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import autocannon from 'autocannon';
import { parse } from 'yaml';
import { startApp } from '../adapters/app.ts';
import { createSlackAdapter } from '../adapters/slack/index.ts';
import type { Core } from '../src/core/create-core.ts';
import type { InboundMessage, Reply } from '../src/core/types.ts';
import { createLogger, memoryDestination } from '../src/server/logger.ts';

const SECRET = '5d41402abc4b2a76b9719d911017c592';
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const CONNECTIONS = option('connections', 10);
const SECONDS = option('seconds', 10);

/** Real drafts: the labelled held-out posts (test/fixtures/drafts). */
const drafts = (parse(readFileSync(new URL('../test/fixtures/drafts/heldout.yaml', import.meta.url), 'utf8')) as Array<{ text: string }>).slice(0, 25).map((d) => d.text);

function signedRequests(): autocannon.Request[] {
  const timestamp = Math.floor(Date.now() / 1000);
  return drafts.map((text, index) => {
    const body = new URLSearchParams({
      token: 'x',
      team_id: 'T111',
      team_domain: 'bench',
      channel_id: 'C111',
      channel_name: 'random',
      user_id: `W${index}`,
      user_name: 'bench',
      command: '/social-check',
      text: `review: ${text}`,
      response_url: 'https://hooks.slack.com/commands/T111/1/x',
      trigger_id: '1.1.x',
    }).toString();
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    return {
      method: 'POST',
      path: '/slack/events',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
      body,
    };
  });
}

const quietBolt: BoltLogger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

/** A Bolt app that only acknowledges: the floor any Slack app pays. */
async function startBareBolt(): Promise<{ url: string; close(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events', logger: quietBolt });
  const app = new App({ receiver, logger: quietBolt, authorize: async () => ({ botToken: 'xoxb-bare', botId: 'B1', botUserId: 'U1' }) });
  app.command('/social-check', async ({ ack }) => {
    await ack();
  });
  const server: Server = createServer((req, res) => receiver.requestListener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The Slack adapter alone: the real core's replies are computed once per text, then served from memory. */
async function startAdapterOnly(core: Core, apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const cache = new Map<string, Promise<Reply>>();
  const cached: Core = {
    content: core.content,
    handle: (message: InboundMessage) => {
      let reply = cache.get(message.text);
      if (!reply) cache.set(message.text, (reply = core.handle(message)));
      return reply;
    },
  };
  const store = { getPrefs: async () => ({ platforms: [], ignoredTerms: [] }), setStrategy: async () => {}, setPlatforms: async () => {}, addIgnoredTerm: async () => {}, recordReview: async () => {}, recordFalsePositive: async () => {} };
  const logger = createLogger({ level: 'warn', destination: memoryDestination() });
  const adapter = await createSlackAdapter({ core: cached, store, logger, config: { signingSecret: SECRET, botToken: 'xoxb-bench', apiUrl } });
  const route = adapter.routes[0]!;
  const server = createServer((req, res) => void route.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await adapter.stop?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Stands in for slack.com (auth.test at start-up); answers in the acknowledgement need no Web API call. */
async function startFakeWebApi(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T111' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface Measured {
  result: autocannon.Result;
  /** Every response time, in ms with sub-millisecond precision (autocannon's histogram rounds to whole ms). */
  times: number[];
}

function measure(url: string, requests: autocannon.Request[], seconds: number, connections: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const options: autocannon.Options = { url, connections, duration: seconds, requests };
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve({ result, times })));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

async function run(url: string, requests: autocannon.Request[], connections: number): Promise<Measured> {
  await measure(url, requests, 2, connections); // warm-up: JIT, first-request paths
  return measure(url, requests, SECONDS, connections);
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function check(url: string, request: autocannon.Request): Promise<string> {
  const response = await fetch(`${url}/slack/events`, { method: 'POST', headers: request.headers as Record<string, string>, body: request.body as string });
  const text = await response.text();
  return `${response.status} ${text.length} bytes${text.includes('"blocks"') ? ', a Block Kit reply' : ''}`;
}

/** The three targets run in a child process, so the load generator does not share their event loop. */
async function serve(): Promise<void> {
  const fakeApi = await startFakeWebApi();
  const dir = mkdtempSync(join(tmpdir(), 'social-check-bench-'));
  const server = await startApp({
    env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: fakeApi.url, SQLITE_PATH: join(dir, 'bench.sqlite'), LOG_LEVEL: 'warn' },
    port: 0,
    startScheduler: false,
    logger: createLogger({ level: 'warn', destination: memoryDestination() }),
  });
  const bare = await startBareBolt();
  const adapterOnly = await startAdapterOnly(server.core, fakeApi.url);
  console.log(`READY ${JSON.stringify({ bare: bare.url, adapter: adapterOnly.url, server: server.url })}`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void (async () => {
      await adapterOnly.close();
      await bare.close();
      await server.close();
      await fakeApi.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  });
}

async function startTargets(): Promise<{ urls: Record<'bare' | 'adapter' | 'server', string>; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const urls = await new Promise<Record<'bare' | 'adapter' | 'server', string>>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((candidate) => candidate.startsWith('READY '));
      if (line) resolve(JSON.parse(line.slice('READY '.length)) as Record<'bare' | 'adapter' | 'server', string>);
    });
    child.on('exit', (code) => reject(new Error(`the bench servers exited (${code})`)));
  });
  return { urls, stop: () => child.stdin.end() };
}

async function main(): Promise<void> {
  const { urls, stop } = await startTargets();
  const requests = signedRequests();
  console.log(`social-check Slack throughput: ${drafts.length} real drafts as /social-check review, ${SECONDS} s per target after a 2 s warm-up, Node ${process.version}`);
  console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg().map((load) => load.toFixed(2)).join(' ')} at start`);
  console.log(`sample: server ${await check(urls.server, requests[0]!)}; bare Bolt ${await check(urls.bare, requests[0]!)}`);
  const targets: Array<[string, string]> = [
    ['bare Bolt app (ack only)', urls.bare],
    ['adapter only (core replies cached)', urls.adapter],
    ['social-check server (review in the ack)', urls.server],
  ];
  const header = ['| target                                   |   req/s | p50 (ms) | p99 (ms) | errors |', '| ---------------------------------------- | ------: | -------: | -------: | -----: |'];
  const row = (name: string, { result, times }: Measured) =>
    `| ${name.padEnd(40)} | ${result.requests.average.toFixed(0).padStart(7)} | ${percentile(times, 50).toFixed(2).padStart(8)} | ${percentile(times, 99).toFixed(2).padStart(8)} | ${String(result.non2xx + result.errors).padStart(6)} |`;
  for (const connections of [1, CONNECTIONS]) {
    const results: Measured[] = [];
    for (const [, url] of targets) results.push(await run(url, requests, connections));
    console.log('');
    console.log(connections === 1 ? '1 connection (one request at a time: latency without queueing)' : `${connections} concurrent connections (saturation: as fast as each target answers)`);
    console.log(header.join('\n'));
    targets.forEach(([name], index) => console.log(row(name, results[index]!)));
    const bareP99 = percentile(results[0]!.times, 99);
    const adapterP99 = percentile(results[1]!.times, 99);
    const serverP99 = percentile(results[2]!.times, 99);
    console.log(
      `p99 ratio server/bare ${(serverP99 / bareP99).toFixed(2)}x, adapter/bare ${(adapterP99 / bareP99).toFixed(2)}x (target <= 1.2x); ` +
        `throughput server/bare ${(results[2]!.result.requests.average / results[0]!.result.requests.average).toFixed(2)}x; ` +
        `server p99 ${serverP99.toFixed(1)} ms vs Slack's 3,000 ms`,
    );
  }
  stop();
}

if (process.argv.includes('--serve')) await serve();
else await main();
