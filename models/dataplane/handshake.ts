/**
 * The handshake rules of the data plane (SF Data plane "Handshake"), as a pure judgement of an
 * upgrade request: admitted (which tunnel, side and subprotocol) or refused (a 4xx and why). The
 * reason never contains a token.
 */
import {
  ACCESS_TOKEN_COOKIE, ACCESS_TOKEN_HEADER, CLIENT_TOKEN_HEADER, CLIENT_TOKEN_PATTERN, MODES, TUNNEL_PATH, type Mode, type Subprotocol,
} from '../../specs/dataplane.js';
import type { Side, TokenHolder, TunnelService } from '../service.js';
import type { DataPlaneBehaviour } from './behaviour.js';

/** An upgrade request as node gives it: the url, and every header's values kept apart (`headersDistinct`). */
export interface UpgradeRequest {
  url: string;
  headers: Record<string, string[] | undefined>;
}

export type Verdict =
  /** `side` is the one `local-proxy-mode` names (the token's own unless a variant skips the check) */
  | { ok: true; token: string; clientToken?: string; protocol: Subprotocol; side: Side; holder: TokenHolder }
  | { ok: false; status: number; reason: string };

/**
 * Who used which token: a token once admitted is admitted again only with the client-token its
 * first handshake carried (V2/V3 guides "client-token"). Kept by the data plane, not the service
 * (it is a fact of connections), one per service instance, so that a reset forgets them.
 */
export class TokenUses {
  private readonly used = new Map<string, string | undefined>();

  /** Whether a handshake with this token (and client-token) may be admitted again. */
  admits(token: string, clientToken: string | undefined): boolean {
    if (!this.used.has(token)) return true;
    const first = this.used.get(token);
    return first !== undefined && first === clientToken;
  }

  record(token: string, clientToken: string | undefined): void {
    if (!this.used.has(token)) this.used.set(token, clientToken);
  }
}

const SIDE_OF_MODE: Record<Mode, Side> = { source: 'SOURCE', destination: 'DESTINATION' };

const refused = (status: number, reason: string): Verdict => ({ ok: false, status, reason });

/** Every value of the access-token cookie across all Cookie headers. */
function cookieValues(cookies: string[] | undefined, name: string): string[] {
  return (cookies ?? [])
    .flatMap((c) => c.split(';'))
    .map((pair) => pair.trim())
    // A pair without '=' names no value: slice(0, -1) would cut `awsiot-tunnel-tokenX` into the name.
    .filter((pair) => pair.includes('=') && pair.slice(0, pair.indexOf('=')).trim() === name)
    .map((pair) => pair.slice(pair.indexOf('=') + 1).trim());
}

/** The offered subprotocols, from every Sec-WebSocket-Protocol header (comma-separated lists). */
export const offeredProtocols = (headers: UpgradeRequest['headers']): string[] =>
  (headers['sec-websocket-protocol'] ?? []).flatMap((h) => h.split(',')).map((p) => p.trim()).filter(Boolean);

export function judgeHandshake(
  req: UpgradeRequest,
  service: Pick<TunnelService, 'tokenHolder'>,
  uses: TokenUses,
  behaviour: DataPlaneBehaviour,
): Verdict {
  let url: URL;
  try {
    url = new URL(req.url, 'http://data-plane.invalid');
  } catch {
    // `//[` or `//a:b@/x` pass node's HTTP parser but are no URL
    return refused(400, 'malformed request target');
  }
  // Malformed requests first (400), then what the token does not admit (403); the exact code is SF UNKNOWN.
  if (url.pathname !== TUNNEL_PATH) return refused(400, `no data plane at ${url.pathname}`);
  const modes = url.searchParams.getAll('local-proxy-mode');
  if (modes.length !== 1 || !(MODES as readonly string[]).includes(modes[0])) {
    return refused(400, `local-proxy-mode must be one of ${MODES.join(', ')}, given once`);
  }
  const tokens = [...(req.headers[ACCESS_TOKEN_HEADER] ?? []), ...cookieValues(req.headers.cookie, ACCESS_TOKEN_COOKIE)];
  if (tokens.length !== 1) {
    return refused(400, `exactly one access token (${ACCESS_TOKEN_HEADER} header or ${ACCESS_TOKEN_COOKIE} cookie) is required, got ${tokens.length}`);
  }
  const offered = offeredProtocols(req.headers);
  const protocol = behaviour.subprotocols.find((p) => offered.includes(p));
  if (!protocol) return refused(400, `Sec-WebSocket-Protocol must offer one of ${behaviour.subprotocols.join(', ')}`);
  const clientTokens = req.headers[CLIENT_TOKEN_HEADER] ?? [];
  if (clientTokens.length > 1 || (clientTokens.length === 1 && !CLIENT_TOKEN_PATTERN.test(clientTokens[0]))) {
    return refused(400, `${CLIENT_TOKEN_HEADER} must be one value matching ${CLIENT_TOKEN_PATTERN}`);
  }
  const [token] = tokens;
  const clientToken = clientTokens[0];
  const holder = service.tokenHolder(token);
  if (!holder) return refused(403, 'the access token is not valid');
  if (!holder.open) return refused(403, 'the tunnel is closed');
  if (!holder.current && behaviour.refusesRevokedTokens) return refused(403, 'the access token was revoked by a rotation');
  if (behaviour.checksMode && SIDE_OF_MODE[modes[0] as Mode] !== holder.side) {
    return refused(403, `the access token was not issued for local-proxy-mode ${modes[0]}`);
  }
  if (behaviour.singleUseTokens && !uses.admits(token, clientToken)) {
    return refused(403, 'the access token was already used (reconnecting needs the client-token of its first handshake)');
  }
  return { ok: true, token, clientToken, protocol, side: SIDE_OF_MODE[modes[0] as Mode], holder };
}
