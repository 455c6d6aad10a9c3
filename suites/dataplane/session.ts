/**
 * What the data-plane checks share: the target's data plane (or the skip), fresh tokens of a
 * tunnel with services (the run's tunnel economy: where tunnels are billed, a rotation, which is
 * free, instead of a new tunnel), handshakes that must succeed, and every socket a check opened
 * closed when it ends.
 */
import { SUBPROTOCOLS, type Mode } from '../../specs/dataplane.js';
import { CheckFailed, NOT_JUDGED, NotJudged, type CheckContext, type DataPlane, type RunTunnel } from '../api.js';
import { callOk, describe, fail, type TunnelView } from '../support.js';
import { lifeEnded } from '../time.js';
import { connect, type ConnectOptions, type DataConnection, type Opened, type Refused } from './client.js';

export type Tokens = Record<Mode, string>;

/** The target's data plane; a check on a target without one is skipped (the run's `needs` usually did that already). */
export function dataPlaneOf(ctx: CheckContext): DataPlane {
  return ctx.target.dataPlane ?? ctx.skip('no data plane');
}

/** Where every request opens a new tunnel (`freshLeft` unbounded), its opening tokens are unused. */
export const tunnelsAreCheap = (ctx: CheckContext) => ctx.tunnels.freshLeft() === Infinity;

/** Tunnels whose opening tokens a check has used (a token is single-use). */
const openingTokensUsed = new Set<string>();

/**
 * New tokens for both sides of `t` by RotateTunnelAccessToken (free; it revokes the earlier ones).
 * It repeats the destinationConfig `t` was opened with: an earlier rotation of a shared tunnel may
 * have given it another, and whether a rotation's replaces the tunnel's is UNKNOWN; either way the
 * tunnel's services are then those it was opened with (`servicesOf`).
 */
export async function rotateTokens(ctx: CheckContext, t: RunTunnel): Promise<Tokens> {
  const destinationConfig = t.sent.destinationConfig;
  const out = await callOk(ctx, 'RotateTunnelAccessToken', { tunnelId: t.tunnelId, clientMode: 'ALL', ...(destinationConfig !== undefined && { destinationConfig }) });
  return tokensIn(out, 'RotateTunnelAccessToken');
}

function tokensIn(out: Record<string, unknown>, op: string): Tokens {
  const { sourceAccessToken: source, destinationAccessToken: destination } = out;
  if (typeof source !== 'string' || typeof destination !== 'string') fail(`${op} answered without both access tokens`, { op });
  return { source, destination };
}

/** Unused tokens of `t`: its opening ones the first time on a target where tunnels are cheap, else a rotation's. */
export async function freshTokens(ctx: CheckContext, t: RunTunnel): Promise<Tokens> {
  connectedTo.get(ctx)?.add(t.tunnelId);
  if (tunnelsAreCheap(ctx) && !openingTokensUsed.has(t.tunnelId)) {
    openingTokensUsed.add(t.tunnelId);
    return tokensIn(t.output, 'OpenTunnel');
  }
  return rotateTokens(ctx, t);
}

/** A tunnel with services the check may connect to, read and rotate (never close), and unused tokens for it. */
export async function workPair(ctx: CheckContext): Promise<{ tunnel: RunTunnel; tokens: Tokens }> {
  const tunnel = await ctx.tunnels.work();
  return { tunnel, tokens: await freshTokens(ctx, tunnel) };
}

/** The services a tunnel of the run was opened with. */
export const servicesOf = (t: RunTunnel): string[] => ((t.sent.destinationConfig as { services?: string[] } | undefined)?.services ?? []).slice();

/** A handshake's options, as a counterexample may show them: never the token. */
export const shown = (o: ConnectOptions) => ({
  mode: o.mode,
  placement: o.placement ?? 'header',
  ...(o.token !== undefined && { token: '<token>' }),
  ...(o.cookieToken !== undefined && { cookieToken: '<another token>' }),
  ...(o.clientToken !== undefined && { clientToken: o.clientToken }),
  protocols: o.protocols ?? SUBPROTOCOLS,
});

/** Every socket one check opened: all closed when it ends, so the next check finds the tunnel's sides DISCONNECTED. */
export class Sockets {
  private readonly open: DataConnection[] = [];

  constructor(private readonly dataPlane: DataPlane) {}

  /** One handshake, its connection kept for closing. */
  async try(options: ConnectOptions): Promise<Opened | Refused> {
    const r = await connect(this.dataPlane, options);
    if (r.kind === 'open') this.open.push(r.connection);
    return r;
  }

  /** A handshake that must succeed with one of the offered subprotocols echoed. */
  async demand(options: ConnectOptions, what: string): Promise<DataConnection> {
    const r = await this.try(options);
    if (r.kind !== 'open') fail(`${what}: the handshake was refused (${r.answer}), expected 101`, shown(options), { kind: 'answer', expected: '101 Switching Protocols', actual: r.answer });
    const offered = options.protocols ?? SUBPROTOCOLS;
    if (!offered.includes(r.connection.protocol)) fail(`${what}: the service echoed subprotocol "${r.connection.protocol}", not one of those offered`, shown(options));
    return r.connection;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((c) => c.close()));
  }
}

/** The tunnels each running `withSockets` got tokens for (`freshTokens`). */
const connectedTo = new WeakMap<CheckContext, Set<string>>();

/**
 * Runs `body` with a Sockets of its own, closing every socket it opened however it ends. A failure
 * on a tunnel whose lifetime has ended by the target's clock is not judged: the suite is never the
 * target's only client (CONTRACT.md), and another one moving the clock ends the tunnel and closes
 * its sockets under the check. A check that ends the lifetime itself says `ownsLifetime`.
 */
export async function withSockets<T>(ctx: CheckContext, body: (sockets: Sockets, dataPlane: DataPlane) => Promise<T>, options: { ownsLifetime?: boolean } = {}): Promise<T> {
  const dataPlane = dataPlaneOf(ctx);
  const sockets = new Sockets(dataPlane);
  const tunnels = new Set<string>();
  const outer = connectedTo.get(ctx);
  connectedTo.set(ctx, tunnels);
  try {
    return await body(sockets, dataPlane);
  } catch (e) {
    if (e instanceof CheckFailed && !options.ownsLifetime) {
      const ended = await endedUnderTheCheck(ctx, tunnels);
      if (ended) throw new NotJudged(`${NOT_JUDGED}: another client moved the target's clock past the lifetime of tunnel ${ended} while the check used it`);
    }
    throw e;
  } finally {
    if (outer) connectedTo.set(ctx, outer);
    else connectedTo.delete(ctx);
    await sockets.closeAll();
  }
}

async function endedUnderTheCheck(ctx: CheckContext, tunnels: Set<string>): Promise<string | undefined> {
  for (const tunnelId of tunnels) {
    const r = await ctx.target.call('DescribeTunnel', { tunnelId });
    const tunnel = r.ok ? (r.output.tunnel as Parameters<typeof lifeEnded>[1] | undefined) : undefined;
    if (tunnel && (await lifeEnded(ctx, tunnel))) return tunnelId;
  }
  return undefined;
}

type StateKey = 'sourceConnectionState' | 'destinationConnectionState';
export const STATE_OF: Record<Mode, StateKey> = { source: 'sourceConnectionState', destination: 'destinationConnectionState' };

/** A side's connection status as DescribeTunnel shows it (undefined: not shown). */
export const sideStatus = (view: TunnelView, mode: Mode): string | undefined => view[STATE_OF[mode]]?.status;

/** Waits (within the read-after-write window) until DescribeTunnel shows `mode`'s side in `status`. */
export async function awaitSide(ctx: CheckContext, tunnelId: string, mode: Mode, status: 'CONNECTED' | 'DISCONNECTED', after: string): Promise<TunnelView> {
  let last: string | undefined;
  return ctx.eventually(
    `${mode} side ${status}`,
    async () => {
      const view = await describe(ctx, tunnelId);
      last = sideStatus(view, mode);
      return last === status ? view : undefined;
    },
    () => `${after}, DescribeTunnel shows the ${mode} side ${last ?? 'without a connection state'}, expected ${status}`,
  );
}

/** Bound on the service closing a socket after what should close it (CloseTunnel, expiry). */
export const CLOSE_WITHIN_MS = 10_000;
/** Bound on a message the service owes (SERVICE_IDS after the handshake, a relayed frame). */
export const MESSAGE_WITHIN_MS = 10_000;
