/**
 * The checks' data-plane client against a tiny loopback WebSocket server: tokens go where asked
 * (and only there), frames are cut where asked, received frames are regrouped whatever their
 * cuts, and every wait ends within its bound.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { MessageType, tunnelMessage, MAX_WEBSOCKET_FRAME } from '../../specs/dataplane.js';
import { connect, cutInto, framesOf, sameMessage, type DataConnection } from '../../suites/dataplane/client.js';

let server: Server;
let wss: WebSocketServer;
let url: string;
const seen: IncomingMessage[] = [];
/** what the next accepted socket does: by default echo every binary frame back as it came */
let onSocket: (ws: WebSocket) => void;
const echo = (ws: WebSocket) => ws.on('message', (d, isBinary) => ws.send(d, { binary: isBinary }));

beforeAll(async () => {
  server = createServer();
  wss = new WebSocketServer({ noServer: true, handleProtocols: (p) => (p.has('aws.iot.securetunneling-2.0') ? 'aws.iot.securetunneling-2.0' : false) });
  server.on('upgrade', (req, socket, head) => {
    seen.push(req);
    if (!req.headers['access-token'] && !req.headers.cookie) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/tunnel`;
});
afterAll(async () => {
  for (const c of wss.clients) c.terminate();
  await new Promise((r) => server.close(r));
});

const dp = () => ({ url, insecure: false });

async function open(o: Parameters<typeof connect>[1] = { mode: 'source', token: 'tok' }): Promise<DataConnection> {
  const r = await connect(dp(), o);
  if (r.kind !== 'open') throw new Error(`refused: ${r.answer}`);
  return r.connection;
}

describe('cutInto', () => {
  it('cuts at the given offsets only, keeps every byte in order, and never exceeds the frame limit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.integer({ min: -5, max: 305 })), fc.integer({ min: 1, max: 50 }), (bytes, cuts, max) => {
        const pieces = cutInto(bytes, cuts, max);
        expect(Buffer.concat(pieces).equals(Buffer.from(bytes))).toBe(true);
        expect(pieces.every((p) => p.length > 0 && p.length <= max)).toBe(true);
        const valid = new Set(cuts.filter((c) => c > 0 && c < bytes.length));
        let offset = 0;
        const ends = new Set(pieces.map((p) => (offset += p.length)));
        for (const c of valid) expect(ends.has(c)).toBe(true);
      }),
    );
    expect(cutInto(new Uint8Array(MAX_WEBSOCKET_FRAME + 1), []).map((p) => p.length)).toEqual([MAX_WEBSOCKET_FRAME, 1]);
  });
});

describe('connect', () => {
  it('puts the token in the header, the cookie or both as asked, the mode in the query, and a client-token header', async () => {
    onSocket = () => {};
    const cases = [
      { placement: 'header', header: 'a', cookie: undefined },
      { placement: 'cookie', header: undefined, cookie: 'awsiot-tunnel-token=a' },
      { placement: 'both', header: 'a', cookie: 'awsiot-tunnel-token=b' },
    ] as const;
    for (const c of cases) {
      const conn = await open({ mode: 'destination', token: 'a', placement: c.placement, cookieToken: 'b', clientToken: 'c'.repeat(32) });
      const req = seen.at(-1)!;
      expect(req.headers['access-token']).toBe(c.header);
      expect(req.headers.cookie).toBe(c.cookie);
      expect(req.headers['client-token']).toBe('c'.repeat(32));
      expect(new URL(req.url!, 'http://x').searchParams.get('local-proxy-mode')).toBe('destination');
      expect(conn.protocol).toBe('aws.iot.securetunneling-2.0');
      await conn.close();
    }
  });

  it('reports a refusal with its status and never the token', async () => {
    const r = await connect(dp(), { mode: 'source', token: 'secret-token', placement: 'none' });
    expect(r).toMatchObject({ kind: 'refused', status: 401 });
    expect(JSON.stringify(r)).not.toContain('secret-token');
  });

  it('reports a 101 without an offered subprotocol as refused by the client, status 101', async () => {
    const r = await connect(dp(), { mode: 'source', token: 't', protocols: ['aws.iot.securetunneling-9.0'] });
    expect(r).toMatchObject({ kind: 'refused', status: 101 });
  });

  it('reports a refused connection without a status, within its bound', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await connect({ url: `ws://127.0.0.1:${port}/tunnel`, insecure: false }, { mode: 'source', token: 't' });
    expect(r).toEqual({ kind: 'refused', answer: 'ECONNREFUSED' });
  });
});

describe('a connection', () => {
  it('regroups tunnel frames whatever WebSocket frames they arrive in, and keeps the raw frames', async () => {
    onSocket = echo;
    const conn = await open();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ streamId: fc.integer({ min: 1, max: 5 }), payload: fc.uint8Array({ maxLength: 200 }) }), { minLength: 1, maxLength: 6 }),
          fc.array(fc.nat(2000), { maxLength: 8 }),
          async (parts, cuts) => {
            const messages = parts.map((p) => tunnelMessage({ type: MessageType.DATA, ...p }));
            const rawBefore = conn.rawFrames.length;
            await conn.send(messages, cuts);
            const got = await conn.take(messages.length, 5_000);
            expect(got.length).toBe(messages.length);
            got.forEach((m, i) => expect(sameMessage(m, messages[i])).toBe(true));
            expect(Buffer.concat(conn.rawFrames.slice(rawBefore)).equals(framesOf(messages))).toBe(true);
            expect(conn.buffered).toBe(0);
          },
        ),
        { numRuns: 30 },
      );
    } finally {
      await conn.close();
    }
  });

  it('ends every wait within its bound: next, take and closed on a silent peer', async () => {
    onSocket = () => {};
    const conn = await open();
    const started = performance.now();
    expect(await conn.next(150)).toBeUndefined();
    expect(await conn.take(3, 150)).toEqual([]);
    expect(await conn.closed(150)).toEqual({ closed: false });
    expect(performance.now() - started).toBeLessThan(2_000);
    await conn.close();
    expect(conn.isClosed).toBe(true);
  });

  it('sees the server close the socket, and when', async () => {
    onSocket = (ws) => setTimeout(() => ws.close(1000), 100);
    const conn = await open();
    const c = await conn.closed(3_000);
    expect(c.closed).toBe(true);
    expect(c.afterMs).toBeLessThan(3_000);
    expect(await conn.next(1_000)).toBeUndefined();
  });
});
