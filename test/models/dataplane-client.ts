/**
 * A bounded `ws` client for the reference's data plane in tests: connect with the handshake's
 * parts chosen one by one, collect the tunnel frames received (regrouped whatever the WebSocket
 * cuts), and wait for frames or a close within a time limit. 127.0.0.1 only.
 */
import { createConnection } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { WebSocket } from 'ws';
import { callTunnelApi, postJson } from '../support/tunnel-api.js';
import { ACCESS_TOKEN_COOKIE, ACCESS_TOKEN_HEADER, decodeFrame, FrameReader, SUBPROTOCOLS, type TunnelMessage } from '../../specs/dataplane.js';

export interface ConnectOptions {
  mode?: string;
  token?: string;
  /** the token sent as the awsiot-tunnel-token cookie instead of (or as well as) the header */
  cookieToken?: string;
  protocols?: string[];
  headers?: Record<string, string | string[]>;
  path?: string;
  /** accept a self-signed certificate (a loopback `wss://`) */
  insecure?: boolean;
  /** how long the handshake may take; 2 s unless given (a spawned server under load needs more) */
  handshakeMs?: number;
}

export interface Peer {
  ws: WebSocket;
  protocol: string;
  /** raw tunnel frames received, length prefix included */
  frames: Buffer[];
  /** the size of each WebSocket message that brought them */
  wsSizes: number[];
  messages(): TunnelMessage[];
  /** Resolves once `n` tunnel frames arrived; rejects after `ms`. */
  waitFrames(n: number, ms?: number): Promise<Buffer[]>;
  /** Resolves with the close code once the socket is closed; rejects after `ms`. */
  closed(ms?: number): Promise<number>;
}

export type Connected = { ok: true; peer: Peer } | { ok: false; status: number };

const bounded = <T>(ms: number, what: string, run: (resolve: (v: T) => void) => void) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    run((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });

export function connect(base: string, o: ConnectOptions = {}): Promise<Connected> {
  const url = `${base.replace(/^http/, 'ws')}${o.path ?? '/tunnel'}${o.mode === undefined ? '' : `?local-proxy-mode=${o.mode}`}`;
  const headers: Record<string, string | string[]> = { ...o.headers };
  if (o.token !== undefined) headers[ACCESS_TOKEN_HEADER] = o.token;
  if (o.cookieToken !== undefined) headers.cookie = `${ACCESS_TOKEN_COOKIE}=${o.cookieToken}`;
  const ws = new WebSocket(url, o.protocols ?? [SUBPROTOCOLS[2]], { headers, handshakeTimeout: o.handshakeMs ?? 2000, rejectUnauthorized: !o.insecure });
  const reader = new FrameReader();
  const frames: Buffer[] = [];
  const closeCode = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const wsSizes: number[] = [];
  let onFrame = () => {};
  ws.on('message', (data: Buffer) => {
    wsSizes.push(data.length);
    frames.push(...reader.push(data));
    onFrame();
  });
  const peer: Peer = {
    ws,
    protocol: '',
    frames,
    wsSizes,
    messages: () => frames.map((f) => decodeFrame(f)),
    waitFrames: (n, ms = 1500) =>
      bounded(ms, `${n} tunnel frames (got ${frames.length})`, (resolve) => {
        onFrame = () => frames.length >= n && resolve(frames.slice(0, n));
        onFrame();
      }),
    closed: (ms = 1500) => bounded(ms, 'the socket to close', (resolve) => void closeCode.then(resolve)),
  };
  return new Promise<Connected>((resolve, reject) => {
    ws.once('open', () => resolve({ ok: true, peer: Object.assign(peer, { protocol: ws.protocol }) }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ ok: false, status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** Connects and fails the test unless the handshake succeeds. */
export async function connected(base: string, o: ConnectOptions): Promise<Peer> {
  const c = await connect(base, o);
  if (!c.ok) throw new Error(`handshake refused with ${c.status}`);
  return c.peer;
}

export interface OpenedTunnel {
  tunnelId: string;
  sourceAccessToken: string;
  destinationAccessToken: string;
}

export const openTunnel = async (base: string, input: Record<string, unknown> = {}) =>
  (await callTunnelApi(base, 'OpenTunnel', input)) as OpenedTunnel;

export async function states(base: string, tunnelId: string) {
  const { tunnel } = (await callTunnelApi(base, 'DescribeTunnel', { tunnelId })) as { tunnel: Record<string, { status: string; lastUpdatedAt: number }> };
  return { source: tunnel.sourceConnectionState, destination: tunnel.destinationConnectionState };
}

export const advanceClock = async (base: string, seconds: number) => (await postJson(base, '/_conformance/v1/clock', { advanceSeconds: seconds })).body as { now: number };

/**
 * Writes `request` as is on a TCP socket (TLS for an `https://` base, unverified) to `base`'s port and resolves with everything the
 * server answered once it closes the socket (or `ms` passes: then what came so far).
 */
export function rawRequest(base: string, request: string, ms = 1500): Promise<string> {
  const { hostname, port, protocol } = new URL(base);
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const options = { host: hostname, port: Number(port) };
    const socket =
      protocol === 'https:'
        ? tlsConnect({ ...options, rejectUnauthorized: false }, () => socket.write(request))
        : createConnection(options, () => socket.write(request));
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, ms);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', done);
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** A WebSocket upgrade request for `target`, with these extra header lines. */
export const upgradeRequest = (target: string, extra: string[] = []) =>
  [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', `Sec-WebSocket-Protocol: ${SUBPROTOCOLS[2]}`, ...extra, '', ''].join('\r\n');

/** ListTunnels as a plain HTTP/1.1 request that also asks to upgrade to h2c (and to close after). */
export const h2cListTunnels = [
  'POST / HTTP/1.1', 'Host: 127.0.0.1', 'Upgrade: h2c', 'Connection: Upgrade, HTTP2-Settings, close', 'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA',
  'Content-Type: application/x-amz-json-1.1', 'X-Amz-Target: IoTSecuredTunneling.ListTunnels', 'Content-Length: 2', '', '{}',
].join('\r\n');
