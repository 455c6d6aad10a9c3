/**
 * What the reference's data plane does where a variant may do otherwise: the one mechanism through
 * which data-plane variants (models/variants/) break a rule or take a freedom. The faithful
 * reference is FAITHFUL; a variant overrides a few members (`Partial<DataPlaneBehaviour>`).
 */
import { FrameReader, MAX_WEBSOCKET_FRAME, SUBPROTOCOLS, type Subprotocol } from '../../specs/dataplane.js';

/** Regroups the bytes of successive WebSocket frames of one connection into raw tunnel frames. */
export interface FrameRegrouper {
  push(chunk: Uint8Array): Buffer[];
}

export interface DataPlaneBehaviour {
  /** The subprotocols served, most preferred first; a handshake offering none of them is refused. */
  subprotocols: readonly Subprotocol[];
  /** SF Data plane: a handshake flips its side to CONNECTED, a disconnect back to DISCONNECTED. */
  reportsConnectionState: boolean;
  /** SF Data plane: "A rotated-away token is refused." */
  refusesRevokedTokens: boolean;
  /** SF Data plane: a token works for one successful handshake unless a client-token was given. */
  singleUseTokens: boolean;
  /** SF Data plane: `local-proxy-mode` must match the side the token was issued for. */
  checksMode: boolean;
  /** SF Data plane: after the handshake (V2/V3) the service sends SERVICE_IDS. */
  sendsServiceIds: boolean;
  /** SF Data plane (SEED): CloseTunnel closes the WebSocket connections. */
  closesOnCloseTunnel: boolean;
  /** SF Data plane: expiry closes the WebSocket connections too. */
  closesOnExpiry: boolean;
  /** SF UNKNOWN "whether a rotation drops a live data-plane connection": the reference drops the rotated side's. */
  rotationDropsConnection: boolean;
  /** A fresh regrouper per connection. */
  regrouper(): FrameRegrouper;
  /** What is forwarded for one complete tunnel frame; the service "never changes a tunnel frame". */
  forward(frame: Buffer): Buffer;
  /**
   * Cuts the bytes bound for a peer into WebSocket frames (each ≤ MAX_WEBSOCKET_FRAME). The guides
   * let the service cut anywhere, as long as the byte sequence is kept.
   */
  cut(frames: Buffer[]): Buffer[];
  /** Frames bound for a peer wait for the end of the event loop's turn, to be cut together with those that follow. */
  batches: boolean;
}

/**
 * Whole tunnel frames packed greedily into WebSocket frames of at most MAX_WEBSOCKET_FRAME bytes:
 * the frames one incoming WebSocket frame completed go out together, never split.
 */
export function packWhole(frames: Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  let group: Buffer[] = [];
  let size = 0;
  for (const f of frames) {
    if (size + f.length > MAX_WEBSOCKET_FRAME && group.length) {
      out.push(Buffer.concat(group));
      group = [];
      size = 0;
    }
    group.push(f);
    size += f.length;
  }
  if (group.length) out.push(Buffer.concat(group));
  return out;
}

export const FAITHFUL: DataPlaneBehaviour = Object.freeze({
  // The newest first: a client offering several gets the newest it speaks.
  subprotocols: [...SUBPROTOCOLS].reverse(),
  reportsConnectionState: true,
  refusesRevokedTokens: true,
  singleUseTokens: true,
  checksMode: true,
  sendsServiceIds: true,
  closesOnCloseTunnel: true,
  closesOnExpiry: true,
  rotationDropsConnection: true,
  regrouper: () => new FrameReader(),
  forward: (frame: Buffer) => frame,
  cut: packWhole,
  batches: false,
});

export const behaviourOf = (overrides: Partial<DataPlaneBehaviour> = {}): DataPlaneBehaviour => ({ ...FAITHFUL, ...overrides });
