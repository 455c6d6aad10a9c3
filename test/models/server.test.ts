import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startServer, type RunningServer } from '../../models/server.js';

const TARGET = 'IoTSecuredTunneling.ListTunnels';

/** Hosts and containers with IPv6 disabled have no ::1 to listen on. */
const ipv6Loopback = await new Promise<boolean>((resolve) => {
  const probe = createServer().once('error', () => resolve(false));
  probe.listen(0, '::1', () => probe.close(() => resolve(true)));
});

/** One raw request with node:http; `chunks` are written one by one, without a content-length when `chunked`. */
function send(url: string, chunks: Buffer[], headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(`${url}/`, { method: 'POST', headers, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

/**
 * Writes `head` on a raw socket and collects what comes back until the server closes it; the
 * socket is given up (and the answer marked open) after `waitMs`, so a connection the server
 * keeps open ends the test instead of hanging it.
 */
function raw(url: string, head: string, waitMs = 3_000) {
  const { hostname, port } = new URL(url);
  return new Promise<{ text: string; closedByServer: boolean }>((resolve, reject) => {
    const socket = connect(Number(port), hostname.replace(/^\[(.*)\]$/, '$1'));
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false });
    }, waitMs);
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (text += c));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedByServer: true });
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.write(head);
  });
}

describe('reference over node:http', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server?.close());

  it('listens on the real port when asked for port 0', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  });

  it('refuses a 2 MiB body with 413, by its content-length', async () => {
    const body = Buffer.alloc(2 * MAX_BODY_BYTES, 0x20);
    const res = await send(server.url, [body], { 'x-amz-target': TARGET, 'content-length': String(body.length) });
    expect(res.status).toBe(413);
    expect(res.headers['x-amzn-errortype']).toBe('RequestEntityTooLargeException');
    expect(res.headers['x-amzn-requestid']).toMatch(/\S/);
  });

  it('refuses an oversized content-length before any of the body is sent, and closes the connection', async () => {
    const head = `POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: ${TARGET}\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`;
    const { text, closedByServer } = await raw(server.url, head);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain(`"message":"Request body over ${MAX_BODY_BYTES} bytes"`);
    expect(closedByServer).toBe(true);
  });

  it('refuses a 2 MiB chunked body with 413, by counting while it streams', async () => {
    const chunks = Array.from({ length: 32 }, () => Buffer.alloc(MAX_BODY_BYTES / 16, 0x20));
    const res = await send(server.url, chunks, { 'x-amz-target': TARGET, 'transfer-encoding': 'chunked' });
    expect(res.status).toBe(413);
  });

  it('refuses a chunked body whose last chunk crosses the limit, once, and keeps serving', async () => {
    const chunks = [...Array.from({ length: 16 }, () => Buffer.alloc(MAX_BODY_BYTES / 16, 0x20)), Buffer.from(' ')];
    const res = await send(server.url, chunks, { 'x-amz-target': TARGET, 'transfer-encoding': 'chunked' });
    expect(res.status).toBe(413);
    expect((await send(server.url, [Buffer.from('{}')], { 'x-amz-target': TARGET })).status).toBe(200);
  });

  it.each([
    ['by its content-length', (b: Buffer) => ({ 'content-length': String(b.length) })],
    ['chunked', () => ({ 'transfer-encoding': 'chunked' })],
  ])('accepts a body of exactly the limit (%s)', async (_how, framing) => {
    const padded = Buffer.from(`{"maxResults":5${' '.repeat(MAX_BODY_BYTES - 16)}}`);
    expect(padded.length).toBe(MAX_BODY_BYTES);
    const chunks = Array.from({ length: 16 }, (_, i) => padded.subarray((i * MAX_BODY_BYTES) / 16, ((i + 1) * MAX_BODY_BYTES) / 16));
    const res = await send(server.url, chunks, { 'x-amz-target': TARGET, 'content-type': 'application/x-amz-json-1.1', ...framing(padded) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ tunnelSummaries: [] });
  });

  it('answers malformed JSON with SerializationException and an unknown target with UnknownOperationException', async () => {
    const malformed = await send(server.url, [Buffer.from('{"maxResults"')], { 'x-amz-target': TARGET });
    expect([malformed.status, malformed.headers['x-amzn-errortype'], JSON.parse(malformed.body).__type]).toEqual([400, 'SerializationException', 'SerializationException']);
    const unknown = await send(server.url, [Buffer.from('{}')], { 'x-amz-target': 'IoTSecuredTunneling.Nope' });
    expect([unknown.status, JSON.parse(unknown.body).__type]).toEqual([400, 'UnknownOperationException']);
    expect(unknown.headers['x-amzn-requestid']).toMatch(/\S/);
  });
});

describe('startServer', () => {
  it('listens on 127.0.0.1 unless asked otherwise', async () => {
    const v4 = await startServer({ port: 0 });
    try {
      expect(v4.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await v4.close();
    }
  });

  it.skipIf(!ipv6Loopback)('listens on ::1 with a bracketed url (skipped where ::1 cannot be bound)', async () => {
    const v6 = await startServer({ host: '::1', port: 0 });
    try {
      expect(v6.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect((await send(v6.url, [Buffer.from('{}')], { 'x-amz-target': TARGET })).status).toBe(200);
      expect((await raw(v6.url, `POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: ${TARGET}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)).text).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      await v6.close();
    }
  });

  it('rejects with the listen error when the port is taken', async () => {
    const first = await startServer({ port: 0 });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startServer({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });

  it('stops accepting connections once closed', async () => {
    const server = await startServer({ port: 0 });
    expect((await send(server.url, [Buffer.from('{}')], { 'x-amz-target': TARGET })).status).toBe(200);
    await server.close();
    await expect(raw(server.url, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
