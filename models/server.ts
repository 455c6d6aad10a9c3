/**
 * The reference's wire handler over node:http, for `tunnel-conformance serve` and for tests that
 * need a real socket. A body over MAX_BODY_BYTES is refused with 413 without being buffered:
 * by its content-length before reading, else by counting while it streams.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReference, type Reference } from './reference.js';
import { errorResponse, type WireResponse } from './wire.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerOptions {
  host?: string;
  port?: number;
  reference?: Reference;
}

export interface RunningServer {
  /** `http://HOST:PORT` with the real port */
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const reference = options.reference ?? createReference();
  const server = createServer((req, res) => {
    serve(reference, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function serve(reference: Reference, req: IncomingMessage, res: ServerResponse) {
  const tooLarge = () => {
    // Stop reading and close after answering: the rest of the body is never taken in.
    req.pause();
    const refusal = errorResponse({ code: 'RequestEntityTooLargeException', status: 413, message: `Request body over ${MAX_BODY_BYTES} bytes` }, randomUUID());
    send(res, { ...refusal, headers: { ...refusal.headers, connection: 'close' } }, () => req.socket.destroy());
  };
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      refused = true;
      chunks.length = 0;
      return tooLarge();
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    send(res, reference.handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') }));
  });
}

function send(res: ServerResponse, reply: WireResponse, done?: () => void) {
  res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body, done);
}
