/**
 * A minimal Socket Mode endpoint for tests: a WebSocket server (RFC 6455, text
 * frames only) that Slack's `apps.connections.open` points the app at. It says
 * hello, sends envelopes, and collects the app's acknowledgements.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x80 | opcode, length]) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (length >= 126 && length < 65536) {
    header[0] = 0x80 | opcode;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else if (length >= 65536) {
    header[0] = 0x80 | opcode;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** Parses complete (masked, client-to-server) frames off the front of `buffer`. */
function parseFrames(buffer: Buffer): { frames: Array<{ opcode: number; payload: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = buffer[offset]! & 0x0f;
    const masked = (buffer[offset + 1]! & 0x80) !== 0;
    let length = buffer[offset + 1]! & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length < cursor + 8) break;
      length = Number(buffer.readBigUInt64BE(cursor));
      cursor += 8;
    }
    const maskLength = masked ? 4 : 0;
    if (buffer.length < cursor + maskLength + length) break;
    const mask = buffer.subarray(cursor, cursor + maskLength);
    const payload = Buffer.from(buffer.subarray(cursor + maskLength, cursor + maskLength + length));
    if (masked) for (let index = 0; index < payload.length; index++) payload[index]! ^= mask[index % 4]!;
    frames.push({ opcode, payload });
    offset = cursor + maskLength + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

export class FakeSocketMode {
  readonly received: unknown[] = [];
  #server: Server | undefined;
  #socket: Duplex | undefined;
  #connected: Promise<void>;
  #markConnected!: () => void;
  #waiters: Array<() => void> = [];
  url = '';

  constructor() {
    this.#connected = new Promise((resolve) => (this.#markConnected = resolve));
  }

  async start(): Promise<void> {
    this.#server = createServer((_req, res) => {
      res.writeHead(426);
      res.end();
    });
    this.#server.on('upgrade', (req, socket) => {
      const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}${GUID}`).digest('base64');
      socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
      this.#socket = socket;
      let pending: Buffer = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        const { frames, rest } = parseFrames(Buffer.concat([pending, chunk]));
        pending = rest;
        for (const { opcode, payload } of frames) {
          if (opcode === 0x1) {
            this.received.push(JSON.parse(payload.toString('utf8')));
            for (const wake of this.#waiters.splice(0)) wake();
          } else if (opcode === 0x9) socket.write(frame(0xa, payload));
          else if (opcode === 0x8) socket.end(frame(0x8, Buffer.alloc(0)));
        }
      });
      socket.on('error', () => {});
      this.sendJson({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A111' } });
      this.#markConnected();
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/link`;
  }

  connected(): Promise<void> {
    return this.#connected;
  }

  sendJson(message: unknown): void {
    this.#socket?.write(frame(0x1, Buffer.from(JSON.stringify(message), 'utf8')));
  }

  /** Waits for the app's acknowledgement of an envelope. */
  async ackFor(envelopeId: string, timeoutMs = 15_000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((message) => (message as { envelope_id?: string }).envelope_id === envelopeId);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`FakeSocketMode: no ack for ${envelopeId}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    this.#socket?.destroy();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}
