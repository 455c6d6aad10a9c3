/**
 * The reference's data plane: the localproxy WebSocket proxy at `/tunnel` (SF Data plane), over
 * the same Reference as the control plane. Given a node:http(s) server's WebSocket upgrades
 * (server.ts): judges the handshake (handshake.ts), relays complete tunnel frames byte-exact to the peer
 * (frame-rules.ts says what closes a sender), moves each side's connection state, and closes the
 * sockets of a tunnel that CloseTunnel, expiry or a rotation ends.
 *
 * Frames sent while the peer is not connected are dropped: the guides have the peer reset its
 * streams on reconnect, so nothing buffered could be delivered meaningfully.
 */
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { encodeFrame, MessageType, SUBPROTOCOLS, type Subprotocol } from '../../specs/dataplane.js';
import type { Reference } from '../reference.js';
import type { Side, TunnelService } from '../service.js';
import { behaviourOf, type DataPlaneBehaviour, type FrameRegrouper } from './behaviour.js';
import { breachOf } from './frame-rules.js';
import { judgeHandshake, TokenUses } from './handshake.js';

/** Live connections are re-checked this often, for expiry in real time (a clock advance re-checks at once). */
export const SWEEP_MS = 1000;

/**
 * The largest WebSocket message taken (ws closes with 1009 above it). The guides bound each
 * WebSocket frame (MAX_WEBSOCKET_FRAME), not a message a client may fragment into many frames;
 * ws counts `maxPayload` over the whole reassembled message and cannot bound single frames, so
 * this bound is the reference's own, generous, only to keep a message's memory finite.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface DataPlaneOptions {
  reference: Pick<Reference, 'service' | 'onChange'>;
  behaviour?: Partial<DataPlaneBehaviour>;
}

export interface DataPlane {
  /** The `upgrade` listener: judges the handshake, then upgrades or refuses with a 4xx. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection and stops watching the reference. */
  close(): void;
}

interface Connection {
  ws: WebSocket;
  tunnelId: string;
  side: Side;
  token: string;
  /** the token was current when admitted: only then does a rotation revoke the connection */
  admittedCurrent: boolean;
  services: string[];
  reader: FrameRegrouper;
  /** outgoing frames waiting for the end of the turn (behaviour.batches) */
  pending: Buffer[];
}

const V1: Subprotocol = SUBPROTOCOLS[0];

export function createDataPlane(options: DataPlaneOptions): DataPlane {
  const behaviour = behaviourOf(options.behaviour);
  const { reference } = options;
  // The uses of a service's tokens go with it: a reset forgets them, and they do not pile up across resets.
  const usesByService = new WeakMap<TunnelService, TokenUses>();
  const uses = () => {
    const service = reference.service();
    let u = usesByService.get(service);
    if (!u) usesByService.set(service, (u = new TokenUses()));
    return u;
  };
  const tunnels = new Map<string, Partial<Record<Side, Connection>>>();
  const chosen = new WeakMap<IncomingMessage, Subprotocol>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // ws replies 101 without the header when this answers false; the judgement already chose one.
    handleProtocols: (_offered, req) => chosen.get(req) ?? false,
  });

  const setState = (c: Connection, status: 'CONNECTED' | 'DISCONNECTED') => {
    if (behaviour.reportsConnectionState) reference.service().setConnectionState(c.tunnelId, c.side, status);
  };
  const registered = (c: Connection) => tunnels.get(c.tunnelId)?.[c.side] === c;
  const unregister = (c: Connection) => {
    if (!registered(c)) return false;
    const sides = tunnels.get(c.tunnelId)!;
    delete sides[c.side];
    if (!sides.SOURCE && !sides.DESTINATION) tunnels.delete(c.tunnelId);
    setState(c, 'DISCONNECTED');
    return true;
  };
  const drop = (c: Connection, code: number, reason: string) => {
    unregister(c);
    if (c.ws.readyState === WebSocket.OPEN || c.ws.readyState === WebSocket.CONNECTING) c.ws.close(code, reason);
    // A client that never answers the close frame is cut off, not waited for 30 s.
    setTimeout(() => c.ws.terminate(), 1000).unref();
  };
  const peerOf = (c: Connection) => tunnels.get(c.tunnelId)?.[c.side === 'SOURCE' ? 'DESTINATION' : 'SOURCE'];

  const sendCut = (peer: Connection, frames: Buffer[]) => {
    if (peer.ws.readyState !== WebSocket.OPEN) return;
    for (const chunk of behaviour.cut(frames)) peer.ws.send(chunk, { binary: true });
  };
  const deliver = (peer: Connection, frames: Buffer[]) => {
    if (!behaviour.batches) return sendCut(peer, frames);
    if (peer.pending.push(...frames) !== frames.length) return; // a flush is already scheduled
    setImmediate(() => sendCut(peer, peer.pending.splice(0)));
  };

  const relay = (c: Connection, data: Buffer, isBinary: boolean) => {
    if (!registered(c)) return;
    if (!isBinary) return drop(c, 1003, 'binary frames only');
    const out: Buffer[] = [];
    let breach: ReturnType<typeof breachOf>;
    for (const frame of c.reader.push(data)) {
      breach = breachOf(frame, c.side, c.services);
      if (breach) break;
      out.push(behaviour.forward(frame));
    }
    // The frames before a bad one were sent in good faith and are delivered; the rest are not read.
    const peer = peerOf(c);
    if (peer && out.length) deliver(peer, out);
    if (breach) drop(c, breach.code, breach.reason);
  };

  const admit = (ws: WebSocket, c: Omit<Connection, 'ws' | 'reader' | 'pending'>, protocol: Subprotocol) => {
    const conn: Connection = { ...c, ws, reader: behaviour.regrouper(), pending: [] };
    const sides = tunnels.get(conn.tunnelId) ?? {};
    tunnels.set(conn.tunnelId, sides);
    const old = sides[conn.side];
    if (old) drop(old, 1000, 'replaced by a new connection of the same side');
    sides[conn.side] = conn;
    setState(conn, 'CONNECTED');
    ws.on('message', (data: Buffer, isBinary) => relay(conn, data, isBinary));
    ws.on('close', () => unregister(conn));
    // A broken or oversized frame (ws closes with 1002/1009 itself) must not take the server down.
    ws.on('error', () => unregister(conn));
    if (protocol !== V1 && behaviour.sendsServiceIds) {
      ws.send(encodeFrame({ type: MessageType.SERVICE_IDS, availableServiceIds: conn.services }), { binary: true });
    }
  };

  /** Closes what a change ended: a closed or deleted tunnel, an expired one, a rotated-away token. */
  const sweep = () => {
    const service = reference.service();
    for (const sides of [...tunnels.values()]) {
      for (const c of [sides.SOURCE, sides.DESTINATION]) {
        if (!c) continue;
        const holder = service.tokenHolder(c.token);
        if (!holder) {
          // deleted, or gone with a reset
          if (behaviour.closesOnCloseTunnel) drop(c, 1000, 'the tunnel was deleted');
        } else if (!holder.open) {
          if (holder.expired ? behaviour.closesOnExpiry : behaviour.closesOnCloseTunnel) drop(c, 1000, holder.expired ? 'the tunnel expired' : 'the tunnel was closed');
        } else if (!holder.current && c.admittedCurrent && behaviour.rotationDropsConnection) {
          drop(c, 1000, 'the access token was rotated');
        } else {
          c.services = holder.services;
        }
      }
    }
  };
  const unsubscribe = reference.onChange(sweep);
  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const tokenUses = uses();
    const verdict = judgeHandshake({ url: req.url ?? '/', headers: req.headersDistinct }, reference.service(), tokenUses, behaviour);
    if (!verdict.ok) return refuse(socket, verdict.status, verdict.reason);
    chosen.set(req, verdict.protocol);
    // ws completes the upgrade synchronously (no verifyClient): the judgement and the token's use cannot interleave with another handshake.
    wss.handleUpgrade(req, socket, head, (ws) => {
      tokenUses.record(verdict.token, verdict.clientToken);
      admit(ws, { tunnelId: verdict.holder.tunnelId, side: verdict.side, token: verdict.token, admittedCurrent: verdict.holder.current, services: verdict.holder.services }, verdict.protocol);
    });
  };
  // Runs in node's `upgrade` event, where an exception is uncaught and ends the whole server:
  // whatever a request does, it costs at most its own socket.
  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch {
      try {
        refuse(socket, 400, 'the upgrade request could not be served');
      } catch {
        socket.destroy();
      }
    }
  };

  return {
    handleUpgrade,
    close() {
      clearInterval(timer);
      unsubscribe();
      for (const sides of [...tunnels.values()]) for (const c of [sides.SOURCE, sides.DESTINATION]) if (c) drop(c, 1001, 'the server is closing');
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

/** A refused handshake: a 4xx HTTP answer, no upgrade, the socket closed once it is written. */
function refuse(socket: Duplex, status: number, reason: string) {
  if (!socket.writable) return socket.destroy();
  const body = `${reason}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
