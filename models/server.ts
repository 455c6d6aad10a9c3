/**
 * The reference's wire handler over node:http (node:https with `tls`), for `tunnel-conformance
 * serve` and for tests that need a real socket; the same port serves the data plane (`/tunnel`,
 * WebSocket upgrades). A body over MAX_BODY_BYTES is refused with 413 without being buffered:
 * by its content-length before reading, else by counting while it streams.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createDataPlane, type DataPlaneBehaviour } from './dataplane/index.js';
import { createReference, type Reference } from './reference.js';
import { errorResponse, type WireResponse } from './wire.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerOptions {
  /** default 127.0.0.1: nothing but this machine reaches a reference unless asked */
  host?: string;
  /** 0 picks a free port (the CLI's documented default, 8080, lives with the CLI) */
  port: number;
  reference?: Reference;
  /** PEM certificate and key: serve both planes over TLS (`https://`, `wss://`), as the AWS local proxy requires */
  tls?: { cert: string; key: string };
  /** what a data-plane variant changes (models/variants); the faithful data plane when absent */
  dataPlane?: Partial<DataPlaneBehaviour>;
}

export interface RunningServer {
  /** `http://HOST:PORT` (`https://` with tls) with the real port; the data plane is at `/tunnel` on it */
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const reference = options.reference ?? createReference();
  const listener = (req: IncomingMessage, res: ServerResponse) => serve(reference, req, res);
  const server = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, listener) : createServer(listener);
  const dataPlane = createDataPlane({ reference, behaviour: options.dataPlane });
  const plain = plainRequests(listener);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    /^websocket$/i.test(req.headers.upgrade ?? '') ? dataPlane.handleUpgrade(req, socket, head) : plain.take(req, socket, head),
  );
  server.listen(options.port, options.host ?? '127.0.0.1');
  // Rejects with the listen error (EADDRINUSE, EACCES) instead of leaving it unhandled.
  await once(server, 'listening').catch((e: unknown) => {
    dataPlane.close();
    throw e;
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        dataPlane.close();
        plain.close();
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Serves, as ordinary HTTP, requests that asked for an upgrade other than to a WebSocket (a
 * control-plane `POST /` with `Upgrade: h2c`). Node hands every upgrade request to the `upgrade`
 * listener once one exists, its head already parsed; the head is written back in front of the
 * socket's unread bytes and the socket given to a second server that has no `upgrade` listener,
 * where node treats an upgrade request as a plain one (and keeps the connection alive after it).
 */
function plainRequests(listener: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(listener);
  const sockets = new Set<Duplex>();
  return {
    take(req: IncomingMessage, socket: Duplex, head: Buffer) {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      socket.unshift(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), head]));
      socket.on('error', () => socket.destroy());
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      server.emit('connection', socket);
    },
    close() {
      for (const socket of sockets) socket.destroy();
    },
  };
}

function serve(reference: Reference, req: IncomingMessage, res: ServerResponse) {
  const tooLarge = () => {
    // Stop reading; `connection: close` makes node destroy the socket once the answer is written,
    // so no more of the body is kept, and little more is read.
    req.pause();
    const refusal = errorResponse({ code: 'RequestEntityTooLargeException', status: 413, message: `Request body over ${MAX_BODY_BYTES} bytes` }, randomUUID());
    send(res, { ...refusal, headers: { ...refusal.headers, connection: 'close' } });
  };
  // An absent content-length is NaN, never over the limit: a chunked body is counted instead.
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  // No 'data' follows tooLarge's pause. 'end' could only if the chunk over the limit came from the
  // stream's buffer after the body ended, which a 1 MiB limit never meets (a body is buffered only
  // before the first read); the guard in 'end' stays because a second answer would take the server down.
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      chunks.length = 0;
      return tooLarge();
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (res.headersSent) return; // refused already
    // Only set-cookie comes as an array, and the wire reads no cookie.
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    // A server's request always has a method and a url (node types them optional for the client side).
    send(res, reference.handle({ method: req.method!, path: req.url!, headers, body: Buffer.concat(chunks).toString('utf8') }));
  });
}

function send(res: ServerResponse, reply: WireResponse) {
  res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}
