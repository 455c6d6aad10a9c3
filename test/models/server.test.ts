import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startServer, type RunningServer } from '../../models/server.js';

const TARGET = 'IoTSecuredTunneling.ListTunnels';

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

  it('refuses a 2 MiB chunked body with 413, by counting while it streams', async () => {
    const chunks = Array.from({ length: 32 }, () => Buffer.alloc(MAX_BODY_BYTES / 16, 0x20));
    const res = await send(server.url, chunks, { 'x-amz-target': TARGET, 'transfer-encoding': 'chunked' });
    expect(res.status).toBe(413);
  });

  it('still serves after refusing, and accepts a body just under the limit', async () => {
    const padded = `{"maxResults":5${' '.repeat(MAX_BODY_BYTES - 20)}}`;
    const res = await send(server.url, [Buffer.from(padded)], { 'x-amz-target': TARGET, 'content-type': 'application/x-amz-json-1.1' });
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
