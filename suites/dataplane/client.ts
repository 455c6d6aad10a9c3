/**
 * A small localproxy-protocol client for the data-plane checks: one WebSocket handshake as the
 * check wants it (mode, where the token goes, client-token, subprotocols), then tunnel messages
 * out, cut into WebSocket frames wherever the check says, and tunnel messages in, regrouped from
 * whatever WebSocket frames the service sent. Every wait is bounded. A token is only ever put
 * into a header or cookie: never into an answer text, a message or a counterexample.
 */
import WebSocket from 'ws';
import {
  ACCESS_TOKEN_COOKIE,
  ACCESS_TOKEN_HEADER,
  CLIENT_TOKEN_HEADER,
  decodeFrame,
  encodeFrame,
  FrameReader,
  MAX_WEBSOCKET_FRAME,
  SUBPROTOCOLS,
  type TunnelMessage,
} from '../../specs/dataplane.js';
import type { DataPlane } from '../api.js';

/** Where the access token goes: the header, the cookie, both (a doubled token), or nowhere. */
export type TokenPlacement = 'header' | 'cookie' | 'both' | 'none';

export interface ConnectOptions {
  /** `local-proxy-mode`; any text, so that a wrong one can be tried */
  mode: string;
  token?: string;
  /** default `header` */
  placement?: TokenPlacement;
  /** with `both`: the cookie's value, when it should differ from the header's */
  cookieToken?: string;
  clientToken?: string;
  /** the subprotocols offered (default all three) */
  protocols?: readonly string[];
  /** handshake bound, ms (default 10 s) */
  timeoutMs?: number;
}

/** A handshake that opened nothing: `status` is the HTTP answer, undefined when there was none (or a 101 the client could not accept). */
export interface Refused {
  kind: 'refused';
  status?: number;
  /** what happened, in words: "answered 403", "101 without the offered subprotocol", "ECONNRESET" */
  answer: string;
}

export interface Opened {
  kind: 'open';
  connection: DataConnection;
}

export const DEFAULT_HANDSHAKE_MS = 10_000;
const CLOSE_WAIT_MS = 2_000;

/** The URL of one side's handshake: `local-proxy-mode` is the only query member. */
export function handshakeUrl(dataPlane: DataPlane, mode: string): string {
  const url = new URL(dataPlane.url);
  url.searchParams.set('local-proxy-mode', mode);
  return url.toString();
}

function headersFor(o: ConnectOptions): Record<string, string> {
  const placement = o.placement ?? 'header';
  const headers: Record<string, string> = {};
  if (o.token !== undefined && (placement === 'header' || placement === 'both')) headers[ACCESS_TOKEN_HEADER] = o.token;
  const cookie = placement === 'both' ? (o.cookieToken ?? o.token) : placement === 'cookie' ? o.token : undefined;
  if (cookie !== undefined) headers.cookie = `${ACCESS_TOKEN_COOKIE}=${cookie}`;
  if (o.clientToken !== undefined) headers[CLIENT_TOKEN_HEADER] = o.clientToken;
  return headers;
}

/** One handshake; resolves within `timeoutMs` to an open connection or what refused it. */
export function connect(dataPlane: DataPlane, options: ConnectOptions): Promise<Opened | Refused> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_HANDSHAKE_MS;
  return new Promise((resolve) => {
    let settled = false;
    const socket = new WebSocket(handshakeUrl(dataPlane, options.mode), [...(options.protocols ?? SUBPROTOCOLS)], {
      headers: headersFor(options),
      rejectUnauthorized: !dataPlane.insecure,
      handshakeTimeout: timeoutMs,
      perMessageDeflate: false,
      // a frame past the limit must reach the check, which judges it, not the client
      maxPayload: 16 * MAX_WEBSOCKET_FRAME,
    });
    const connection = new DataConnection(socket);
    const settle = (r: Opened | Refused) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (r.kind === 'refused') {
        socket.removeAllListeners('open');
        socket.on('error', () => {});
        socket.terminate();
      }
      resolve(r);
    };
    const timer = setTimeout(() => settle({ kind: 'refused', answer: `no handshake answer within ${timeoutMs / 1000} s` }), timeoutMs + 500);
    socket.on('unexpected-response', (_req, res) => {
      res.resume();
      settle({ kind: 'refused', status: res.statusCode, answer: `answered ${res.statusCode}` });
    });
    socket.on('open', () => settle({ kind: 'open', connection }));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // ws refuses a 101 whose subprotocol was not offered (or is missing): the service accepted, the client could not.
      const protocolFault = /subprotocol/i.test(e.message);
      settle({ kind: 'refused', ...(protocolFault && { status: 101 }), answer: protocolFault ? `101 with a subprotocol not offered (${e.message})` : (e.code ?? e.message) });
    });
  });
}

/** `bytes` cut at `cuts` (offsets, any order, out-of-range and repeated ones ignored), every piece at most `max` bytes. */
export function cutInto(bytes: Uint8Array, cuts: readonly number[], max = MAX_WEBSOCKET_FRAME): Buffer[] {
  const at = [...new Set(cuts.filter((c) => Number.isInteger(c) && c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  for (const end of [...at, bytes.length]) {
    for (; end - start > max; start += max) pieces.push(Buffer.from(bytes.subarray(start, start + max)));
    if (end > start) pieces.push(Buffer.from(bytes.subarray(start, end)));
    start = end;
  }
  return pieces;
}

/** Tunnel messages as one byte string: their frames (length prefix and message) one after the other. */
export const framesOf = (messages: readonly Partial<TunnelMessage>[]): Buffer => Buffer.concat(messages.map((m) => encodeFrame(m)));

/** How the server ended the socket, as `closed` saw it. */
export interface Closing {
  closed: boolean;
  /** ms from the `closed` call until the socket was closed (0: it already was) */
  afterMs?: number;
  code?: number;
}

/** One open data-plane connection. */
export class DataConnection {
  /** every WebSocket message received, as it came (its payload), in order */
  readonly rawFrames: Buffer[] = [];
  /** WebSocket text messages received: the protocol has binary frames only */
  textFrames = 0;
  /** tunnel frames whose message did not decode */
  undecodable = 0;
  private readonly reader = new FrameReader();
  private readonly queue: TunnelMessage[] = [];
  private waiting?: () => void;
  private closedAt?: number;
  private closeCode?: number;
  private readonly closing: Promise<void>;

  constructor(private readonly socket: WebSocket) {
    this.closing = new Promise((resolve) =>
      socket.once('close', (code) => {
        this.closedAt = performance.now();
        this.closeCode = code;
        this.waiting?.();
        resolve();
      }),
    );
    socket.on('error', () => {});
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      this.rawFrames.push(data);
      if (!isBinary) {
        this.textFrames++;
        return;
      }
      for (const frame of this.reader.push(data)) {
        try {
          this.queue.push(decodeFrame(frame));
        } catch {
          this.undecodable++;
        }
      }
      this.waiting?.();
    });
  }

  /** The subprotocol the service echoed. */
  get protocol(): string {
    return this.socket.protocol;
  }

  get isClosed(): boolean {
    return this.closedAt !== undefined;
  }

  /** Bytes of an unfinished tunnel frame received so far. */
  get buffered(): number {
    return this.reader.buffered;
  }

  /** The next tunnel message, or undefined when none came within `timeoutMs` or the socket closed first. */
  async next(timeoutMs: number): Promise<TunnelMessage | undefined> {
    const deadline = performance.now() + timeoutMs;
    while (this.queue.length === 0) {
      const left = deadline - performance.now();
      if (left <= 0 || this.isClosed) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiting = done;
      });
      this.waiting = undefined;
    }
    return this.queue.shift();
  }

  /** Up to `count` tunnel messages, those that came within `timeoutMs` in all. */
  async take(count: number, timeoutMs: number): Promise<TunnelMessage[]> {
    const deadline = performance.now() + timeoutMs;
    const got: TunnelMessage[] = [];
    while (got.length < count) {
      const m = await this.next(Math.max(0, deadline - performance.now()));
      if (!m) break;
      got.push(m);
    }
    return got;
  }

  /** Messages already received and not yet taken, without waiting. */
  drain(): TunnelMessage[] {
    return this.queue.splice(0);
  }

  /** Sends tunnel messages as their frames concatenated and cut at `cuts` into binary WebSocket frames. */
  async send(messages: readonly Partial<TunnelMessage>[], cuts: readonly number[] = []): Promise<void> {
    for (const piece of cutInto(framesOf(messages), cuts)) {
      if (this.socket.readyState !== WebSocket.OPEN) throw new Error('the data-plane socket closed while sending');
      await new Promise<void>((resolve, reject) => this.socket.send(piece, { binary: true }, (e) => (e ? reject(e) : resolve())));
    }
  }

  /** Whether the server closed the socket within `timeoutMs` (from now), and when. */
  async closed(timeoutMs: number): Promise<Closing> {
    const asked = performance.now();
    if (this.closedAt !== undefined) return { closed: true, afterMs: 0, code: this.closeCode };
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.closing, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    return this.closedAt === undefined ? { closed: false } : { closed: true, afterMs: Math.max(0, this.closedAt - asked), code: this.closeCode };
  }

  /** Closes from this side: a close handshake, and the socket torn down if it is not done within 2 s. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.socket.close(1000);
    if (!(await this.closed(CLOSE_WAIT_MS)).closed) this.socket.terminate();
    await this.closed(CLOSE_WAIT_MS);
  }
}

/** Two tunnel messages carry the same thing: type, stream, service, connection, ignorable and payload bytes. */
export const sameMessage = (a: TunnelMessage, b: Partial<TunnelMessage>): boolean =>
  a.type === (b.type ?? 0) &&
  a.streamId === (b.streamId ?? 0) &&
  a.serviceId === (b.serviceId ?? '') &&
  a.connectionId === (b.connectionId ?? 0) &&
  a.ignorable === (b.ignorable ?? false) &&
  Buffer.from(a.payload).equals(Buffer.from(b.payload ?? new Uint8Array(0)));
