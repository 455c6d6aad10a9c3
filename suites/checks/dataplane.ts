/**
 * The data plane (service-facts.md#data-plane): the localproxy WebSocket protocol at `/tunnel`.
 * Handshakes and their refusals, single-use tokens, SERVICE_IDS, byte-exact relay whatever the
 * WebSocket framing, connection states, and sockets closed by CloseTunnel and expiry. What the
 * documentation leaves open (the refusal status, whether a rotation drops a live connection) is
 * observed. Tokens travel only in headers and cookies: messages and counterexamples show `<token>`.
 */
import fc from 'fast-check';
import { CLIENT_TOKEN_PATTERN, MAX_PAYLOAD, MessageType, MODES, SUBPROTOCOLS, type Mode, type TunnelMessage } from '../../specs/dataplane.js';
import type { CheckContext } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { callOk, describe, destinationFor, fail, freshThingName } from '../support.js';
import { JUDGE_ATTEMPTS, lifeEnded, MOVES_CLOCK, SETTLE_S, untilJudged } from '../time.js';
import { framesOf, type ConnectOptions, type DataConnection, type Refused } from '../dataplane/client.js';
import {
  awaitSide,
  CLOSE_WITHIN_MS,
  freshTokens,
  MESSAGE_WITHIN_MS,
  rotateTokens,
  servicesOf,
  shown,
  sideStatus,
  tunnelsAreCheap,
  withSockets,
  workPair,
  type Sockets,
  type Tokens,
} from '../dataplane/session.js';

const FACTS = 'service-facts.md#data-plane';
const isClientRefusal = (r: Refused) => r.status !== undefined && r.status >= 400 && r.status <= 499;
const clientTokens = fc.stringMatching(CLIENT_TOKEN_PATTERN).filter((s) => s.length >= 32 && s.length <= 128);

/** Both sides connected (destination first, so that nothing the source sends is dropped for want of a peer). */
async function connectBoth(sockets: Sockets, tokens: Tokens, extra: Partial<ConnectOptions> = {}): Promise<Record<Mode, DataConnection>> {
  const destination = await sockets.demand({ mode: 'destination', token: tokens.destination, ...extra }, 'the destination token');
  const source = await sockets.demand({ mode: 'source', token: tokens.source, ...extra }, 'the source token');
  return { source, destination };
}

defineCheck({
  id: 'DP-HANDSHAKE-001',
  title: 'Each side\'s token opens its side with 101 and one of the offered subprotocols echoed, the token in the header or the cookie',
  level: 'MUST',
  source: `${FACTS}: DOC: "The token is in the access-token header or the awsiot-tunnel-token cookie … The offered subprotocol must be one of the three and is echoed; success is 101"`,
  operations: ['OpenTunnel', 'RotateTunnelAccessToken'],
  needs: ['dataPlane'],
  cost: (runs) => ({ tunnels: runs + 1, calls: runs + 4 }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    const cases = fc.record({ order: fc.shuffledSubarray([...SUBPROTOCOLS], { minLength: 3, maxLength: 3 }), placement: fc.constantFrom('header' as const, 'cookie' as const), first: fc.constantFrom(...MODES) });
    await assertProperty(ctx, cases, ({ order, placement, first }) =>
      withSockets(ctx, async (sockets) => {
        const { tokens } = await workPair(ctx);
        for (const mode of first === 'source' ? MODES : [...MODES].reverse()) await sockets.demand({ mode, token: tokens[mode], placement, protocols: order }, `the ${mode} token`);
      }),
    );
    // SERVICE-FACTS: all three are offered by the localproxy; which one alone a service speaks is observed.
    const alone: Record<string, string> = {};
    await withSockets(ctx, async (sockets) => {
      for (const protocol of SUBPROTOCOLS) {
        const { tokens } = await workPair(ctx);
        const r = await sockets.try({ mode: 'source', token: tokens.source, protocols: [protocol] });
        alone[protocol] = r.kind === 'open' ? `101 ${r.connection.protocol}` : r.answer;
        await sockets.closeAll();
      }
    });
    ctx.observe({ id: 'dp-subprotocol-alone', question: 'What does the data plane answer to a handshake offering one subprotocol only?', answer: alone });
  },
});

type RefusalCase = 'wrong-mode' | 'missing-token' | 'doubled-token-same' | 'doubled-token-different' | 'reused-token' | 'rotated-away-token' | 'unknown-subprotocol';
const REFUSALS: RefusalCase[] = ['wrong-mode', 'missing-token', 'doubled-token-same', 'doubled-token-different', 'reused-token', 'rotated-away-token', 'unknown-subprotocol'];

defineCheck({
  id: 'DP-REFUSE-001',
  title: 'A handshake with the wrong local-proxy-mode, no token, a doubled token, a used or rotated-away token, or only an unknown subprotocol is a 4xx and opens nothing',
  level: 'MUST',
  source: `${FACTS}: DOC: "local-proxy-mode must match the side the token was issued for … exactly one value … A token works for one successful handshake … A rotated-away token is refused. A refused handshake is a 4xx"; service-facts.md#unknown: the exact status`,
  operations: ['OpenTunnel', 'RotateTunnelAccessToken', 'DescribeTunnel'],
  needs: ['dataPlane'],
  cost: () => ({ tunnels: REFUSALS.length, calls: REFUSALS.length * 4 }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    const statuses: Record<string, string> = {};
    await withSockets(ctx, async (sockets) => {
      for (const refusal of REFUSALS) {
        const { tunnel, tokens } = await workPair(ctx);
        const mode: Mode = refusal === 'wrong-mode' ? 'destination' : 'source';
        let attempt: ConnectOptions = { mode, token: tokens.source };
        if (refusal === 'missing-token') attempt = { mode, placement: 'none' };
        if (refusal === 'doubled-token-same') attempt = { mode, token: tokens.source, placement: 'both' };
        if (refusal === 'doubled-token-different') attempt = { mode, token: tokens.source, placement: 'both', cookieToken: tokens.destination };
        if (refusal === 'unknown-subprotocol') attempt = { mode, token: tokens.source, protocols: ['aws.iot.securetunneling-9.9'] };
        if (refusal === 'reused-token') {
          const first = await sockets.demand({ mode, token: tokens.source }, 'the source token, first use');
          await first.close();
          await awaitSide(ctx, tunnel.tunnelId, mode, 'DISCONNECTED', 'after the first connection closed');
        }
        // The source token is rotated away; the destination's stays current, and this case uses the source's old one.
        if (refusal === 'rotated-away-token') await callOk(ctx, 'RotateTunnelAccessToken', { tunnelId: tunnel.tunnelId, clientMode: 'SOURCE' });
        const r = await sockets.try(attempt);
        if (r.kind === 'open') {
          await r.connection.close();
          fail(`a handshake with ${refusal.replaceAll('-', ' ')} was accepted (101), expected a 4xx`, { case: refusal, handshake: shown(attempt) }, { kind: 'answer', expected: 'a 4xx refusal', actual: '101 Switching Protocols' });
        }
        statuses[refusal] = r.answer;
        if (!isClientRefusal(r)) fail(`a handshake with ${refusal.replaceAll('-', ' ')} was refused with ${r.answer}, expected a 4xx`, { case: refusal, handshake: shown(attempt) }, { kind: 'answer', expected: 'a 4xx refusal', actual: r.answer });
        const state = sideStatus(await describe(ctx, tunnel.tunnelId), attempt.mode as Mode);
        if (state === 'CONNECTED') fail(`after a refused handshake (${refusal.replaceAll('-', ' ')}) DescribeTunnel shows the ${attempt.mode} side CONNECTED`, { case: refusal });
      }
    });
    ctx.observe({ id: 'dp-refusal-status', question: 'Which status does the data plane refuse each kind of bad handshake with (a 4xx; the exact code is not documented)?', answer: statuses });
  },
});

defineCheck({
  id: 'DP-SINGLE-USE-001',
  title: 'An access token opens one connection; with a client-token the same token and client-token reconnect',
  level: 'MUST',
  source: `${FACTS}: DOC: "A token works for one successful handshake (single-use), unless a client-token header was given: then the same token with the same client-token may reconnect"`,
  operations: ['OpenTunnel', 'RotateTunnelAccessToken', 'DescribeTunnel'],
  needs: ['dataPlane'],
  cost: (runs) => ({ tunnels: runs, calls: runs * 4 }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    const others: string[] = [];
    // Every case judges both rules: one side's token without a client-token, the other's with one.
    const cases = fc.record({ plain: fc.constantFrom(...MODES), clientToken: clientTokens, placement: fc.constantFrom('header' as const, 'cookie' as const) });
    await assertProperty(ctx, cases, ({ plain, clientToken, placement }) =>
      withSockets(ctx, async (sockets) => {
        const { tunnel, tokens } = await workPair(ctx);
        const reuse = async (mode: Mode, withClientToken: string | undefined) => {
          const options: ConnectOptions = { mode, token: tokens[mode], placement, clientToken: withClientToken };
          const first = await sockets.demand(options, `the ${mode} token, first use`);
          await first.close();
          await awaitSide(ctx, tunnel.tunnelId, mode, 'DISCONNECTED', 'after the first connection closed');
          return { options, again: await sockets.try(options) };
        };
        const { options, again } = await reuse(plain, undefined);
        if (again.kind === 'open') fail(`the ${plain} token opened a second connection without a client-token`, { handshake: shown(options) }, { kind: 'answer', expected: 'a 4xx refusal', actual: '101 Switching Protocols' });
        if (!isClientRefusal(again)) fail(`a second use of the ${plain} token was refused with ${again.answer}, expected a 4xx`, { handshake: shown(options) });
        const mode = plain === 'source' ? 'destination' : 'source';
        const reconnect = await reuse(mode, clientToken);
        if (reconnect.again.kind !== 'open') fail(`the ${mode} token with the client-token of its first handshake could not reconnect (${reconnect.again.answer})`, { handshake: shown(reconnect.options) }, { kind: 'answer', expected: '101 Switching Protocols', actual: reconnect.again.answer });
        await reconnect.again.connection.close();
        // Not documented either way: the same token with another client-token.
        const otherToken = clientToken.endsWith('x') ? `${clientToken.slice(0, -1)}y` : `${clientToken.slice(0, -1)}x`;
        const other = await sockets.try({ ...reconnect.options, clientToken: otherToken });
        const answer = other.kind === 'open' ? '101' : other.answer;
        if (!others.includes(answer)) others.push(answer);
      }),
    );
    ctx.observe({ id: 'dp-other-client-token', question: 'What does the data plane answer to a used token with another client-token than its first handshake\'s?', answer: others });
  },
});

defineCheck({
  id: 'DP-SERVICE-IDS-001',
  title: 'After a 2.0 or 3.0 handshake each side first receives SERVICE_IDS listing exactly the tunnel\'s services',
  level: 'MUST',
  source: `${FACTS}: DOC (V2/V3 guides): "After the handshake (V2/V3) the service sends SERVICE_IDS listing the tunnel's services"`,
  operations: ['OpenTunnel', 'RotateTunnelAccessToken'],
  needs: ['dataPlane'],
  cost: (runs) => ({ tunnels: runs, calls: runs * 2 }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    // Where tunnels are cheap, generated service lists (1 to 3 distinct ids); where shared, the work tunnel's.
    const serviceLists = fc.uniqueArray(fc.stringMatching(/^[a-zA-Z0-9_-]{1,16}$/), { minLength: 1, maxLength: 3 });
    await assertProperty(ctx, fc.record({ services: serviceLists, protocol: fc.constantFrom(SUBPROTOCOLS[1], SUBPROTOCOLS[2]) }), ({ services, protocol }) =>
      withSockets(ctx, async (sockets) => {
        const tunnel = tunnelsAreCheap(ctx) ? await ctx.tunnels.open({ destinationConfig: { thingName: freshThingName(ctx, 'dp'), services } }) : await ctx.tunnels.work();
        const tokens = await freshTokens(ctx, tunnel);
        const expected = [...servicesOf(tunnel)].sort();
        // Both newer versions are offered: a service that speaks one of them only is free to.
        const offered = [protocol, ...SUBPROTOCOLS.slice(1).filter((p) => p !== protocol)];
        for (const mode of MODES) {
          const c = await sockets.demand({ mode, token: tokens[mode], protocols: offered }, `the ${mode} token`);
          const m = await c.next(MESSAGE_WITHIN_MS);
          if (!m) fail(`no message reached the ${mode} side within ${MESSAGE_WITHIN_MS / 1000} s of a ${c.protocol} handshake, expected SERVICE_IDS`, { services: expected, protocol: c.protocol, mode });
          if (m.type !== MessageType.SERVICE_IDS) fail(`the ${mode} side's first message is of type ${m.type}, expected SERVICE_IDS (${MessageType.SERVICE_IDS})`, { services: expected, protocol: c.protocol, mode });
          const got = [...m.availableServiceIds].sort();
          if (JSON.stringify(got) !== JSON.stringify(expected)) fail(`SERVICE_IDS to the ${mode} side lists ${JSON.stringify(got)}, the tunnel's services are ${JSON.stringify(expected)}`, { services: expected, got, protocol: c.protocol, mode });
        }
      }),
    );
  },
});

/** One generated exchange: a stream the source starts and data both ways, each direction cut into WebSocket frames its own way. */
interface Exchange {
  toDestination: Uint8Array[];
  toSource: Uint8Array[];
  /** cut points as fractions of the bytes sent, per direction */
  cutsOut: number[];
  cutsBack: number[];
}

const payloads = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 256 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_PAYLOAD }).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, MAX_PAYLOAD - 1, MAX_PAYLOAD).map((n) => new Uint8Array(n).map((_, i) => (i * 31 + 7) & 0xff)) },
);
const cutFractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });
const exchanges: fc.Arbitrary<Exchange> = fc.record({
  toDestination: fc.array(payloads, { minLength: 1, maxLength: 4 }),
  toSource: fc.array(payloads, { maxLength: 3 }),
  cutsOut: cutFractions,
  cutsBack: cutFractions,
});

/** A relay counterexample without the bulk: sizes and cuts, and where the first difference is. */
const summary = (e: Exchange) => ({ toDestination: e.toDestination.map((p) => p.length), toSource: e.toSource.map((p) => p.length), cutsOut: e.cutsOut, cutsBack: e.cutsBack });

/** Messages the peer received that a proxy sends (not SERVICE_IDS, which the service sends itself). */
const relayed = (ms: TunnelMessage[]) => ms.filter((m) => m.type !== MessageType.SERVICE_IDS);

function firstDifference(got: TunnelMessage[], sent: Partial<TunnelMessage>[]): string | undefined {
  for (let i = 0; i < sent.length; i++) {
    const g = got[i];
    const s = sent[i];
    if (!g) return `message ${i + 1} of ${sent.length} never arrived (${got.length} did)`;
    if (g.type !== s.type) return `message ${i + 1} arrived as type ${g.type}, sent as ${s.type}`;
    if (g.streamId !== (s.streamId ?? 0)) return `message ${i + 1} arrived on stream ${g.streamId}, sent on ${s.streamId}`;
    if (g.serviceId !== (s.serviceId ?? '')) return `message ${i + 1} arrived for service "${g.serviceId}", sent for "${s.serviceId}"`;
    if (g.connectionId !== (s.connectionId ?? 0)) return `message ${i + 1} arrived with connectionId ${g.connectionId}, sent with ${s.connectionId}`;
    const a = Buffer.from(g.payload);
    const b = Buffer.from(s.payload ?? new Uint8Array(0));
    if (!a.equals(b)) {
      const at = [...b].findIndex((x, k) => a[k] !== x);
      return `message ${i + 1}'s payload arrived as ${a.length} bytes, sent as ${b.length}${at >= 0 ? `, first different byte at ${at}` : ''}`;
    }
  }
  if (got.length > sent.length) return `${got.length - sent.length} more messages arrived than were sent`;
  return undefined;
}

defineCheck({
  id: 'DP-RELAY-001',
  title: 'STREAM_START and DATA (payloads up to 63 KiB) reach the peer byte-exact and in order, both ways, however the tunnel frames are cut into WebSocket frames',
  level: 'MUST',
  source: `${FACTS}: DOC: "Tunnel frames may be split across or coalesced in WebSocket frames; the service regroups WebSocket frames but never changes a tunnel frame … DATA is relayed byte-exact to the peer"`,
  operations: ['OpenTunnel', 'RotateTunnelAccessToken'],
  needs: ['dataPlane'],
  cost: (runs) => ({ tunnels: runs, calls: runs }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    await withSockets(ctx, async (sockets) => {
      // One pair of connections for every case; a case that broke a connection gets a new pair (fresh tokens).
      let pair: { sides: Record<Mode, DataConnection>; serviceId: string; v3: boolean; v1: boolean } | undefined;
      let stream = 0;
      const connected = async () => {
        if (pair && !pair.sides.source.isClosed && !pair.sides.destination.isClosed) return pair;
        await sockets.closeAll();
        const { tunnel, tokens } = await workPair(ctx);
        const sides = await connectBoth(sockets, tokens);
        const protocol = sides.source.protocol;
        pair = { sides, serviceId: servicesOf(tunnel)[0] ?? '', v1: protocol === SUBPROTOCOLS[0], v3: protocol === SUBPROTOCOLS[2] };
        // What the service sent on its own after the handshake is not part of any exchange.
        await Promise.all(MODES.map((m) => sides[m].take(1, 500)));
        return pair;
      };
      await assertProperty(ctx, exchanges, async (e) => {
        const p = await connected();
        for (const m of MODES) p.sides[m].drain();
        const streamId = ++stream;
        // V1 has no service ids; V3 also names the connection.
        const tag = { streamId, ...(!p.v1 && { serviceId: p.serviceId }), ...(p.v3 && { connectionId: 1 }) };
        const out: Partial<TunnelMessage>[] = [{ type: MessageType.STREAM_START, ...tag }, ...e.toDestination.map((payload) => ({ type: MessageType.DATA, ...tag, payload }))];
        const back: Partial<TunnelMessage>[] = e.toSource.map((payload) => ({ type: MessageType.DATA, ...tag, payload }));
        const exchange = async (from: Mode, to: Mode, messages: Partial<TunnelMessage>[], fractions: number[]) => {
          if (messages.length === 0) return;
          const total = framesOf(messages).length;
          await p.sides[from].send(messages, fractions.map((f) => Math.floor(f * total)));
          const got = relayed(await p.sides[to].take(messages.length, MESSAGE_WITHIN_MS));
          const difference = firstDifference(got, messages);
          if (difference) fail(`${from} → ${to}: ${difference}`, { ...summary(e), direction: `${from} → ${to}`, protocol: p.sides.source.protocol });
          if (p.sides[to].textFrames > 0) fail(`the ${to} side received ${p.sides[to].textFrames} text WebSocket frames: the protocol has binary frames only`, summary(e));
        };
        await exchange('source', 'destination', out, e.cutsOut);
        await exchange('destination', 'source', back, e.cutsBack);
      });
    });
  },
});

defineCheck({
  id: 'DP-STATE-001',
  title: 'A connection makes its side CONNECTED in DescribeTunnel, closing it DISCONNECTED again; lastUpdatedAt never goes back',
  level: 'MUST',
  source: `${FACTS}: DOC: "a successful handshake makes that side CONNECTED, a disconnect makes it DISCONNECTED again, and its lastUpdatedAt moves"; service-facts.md#legitimate-freedom: lastUpdatedAt may be omitted`,
  operations: ['OpenTunnel', 'RotateTunnelAccessToken', 'DescribeTunnel'],
  needs: ['dataPlane'],
  cost: (runs) => ({ tunnels: runs, calls: runs * 12 }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    await assertProperty(ctx, fc.constantFrom(...MODES), (first) =>
      withSockets(ctx, async (sockets) => {
        const { tunnel, tokens } = await workPair(ctx);
        const order = first === 'source' ? MODES : [...MODES].reverse();
        const stamps: Record<Mode, number[]> = { source: [], destination: [] };
        const note = (view: Awaited<ReturnType<typeof describe>>) => {
          for (const m of MODES) {
            const at = view[m === 'source' ? 'sourceConnectionState' : 'destinationConnectionState']?.lastUpdatedAt;
            if (typeof at !== 'number') continue;
            const before = stamps[m].at(-1);
            if (before !== undefined && at < before) fail(`the ${m} side's lastUpdatedAt went back from ${before} to ${at}`);
            stamps[m].push(at);
          }
        };
        for (const m of MODES) note(await awaitSide(ctx, tunnel.tunnelId, m, 'DISCONNECTED', 'before any connection'));
        const open: Partial<Record<Mode, DataConnection>> = {};
        for (const m of order) {
          open[m] = await sockets.demand({ mode: m, token: tokens[m] }, `the ${m} token`);
          note(await awaitSide(ctx, tunnel.tunnelId, m, 'CONNECTED', `after the ${m} side connected`));
        }
        for (const m of order) {
          await open[m]!.close();
          note(await awaitSide(ctx, tunnel.tunnelId, m, 'DISCONNECTED', `after the ${m} side disconnected`));
        }
      }),
    );
  },
});

defineCheck({
  id: 'DP-CLOSE-001',
  title: 'CloseTunnel closes both sides\' sockets within 10 s, both sides become DISCONNECTED, and no handshake opens the tunnel again',
  level: 'MUST',
  source: `${FACTS}: SEED: CloseTunnel "closes the WebSocket connections between the client and proxy server so no data can be transmitted"`,
  operations: ['OpenTunnel', 'RotateTunnelAccessToken', 'CloseTunnel', 'DescribeTunnel'],
  needs: ['dataPlane'],
  cost: (runs) => ({ tunnels: runs, calls: runs * 6 }),
  // Where tunnels are billed, one: CLOSE-STATE-001 and the contract check already close others.
  tunnelNeeds: () => ({ take: [{ stage: 'open', count: 1, leaves: 'closed' }] }),
  async run(ctx) {
    await assertProperty(ctx, clientTokens, (clientToken) =>
      withSockets(ctx, async (sockets) => {
        const tunnel = await ctx.tunnels.take('open');
        const tokens = await freshTokens(ctx, tunnel);
        const sides = await connectBoth(sockets, tokens, { clientToken });
        await callOk(ctx, 'CloseTunnel', { tunnelId: tunnel.tunnelId });
        const closings = await Promise.all(MODES.map((m) => sides[m].closed(CLOSE_WITHIN_MS)));
        const open = MODES.filter((_, i) => !closings[i].closed);
        if (open.length) fail(`${CLOSE_WITHIN_MS / 1000} s after CloseTunnel the ${open.join(' and ')} socket${open.length > 1 ? 's are' : ' is'} still open`, { closeWithinMs: CLOSE_WITHIN_MS });
        for (const m of MODES) await awaitSide(ctx, tunnel.tunnelId, m, 'DISCONNECTED', 'after CloseTunnel');
        // With the client-token of its first handshake, a token could reconnect to an open tunnel: never to a closed one.
        for (const m of MODES) {
          const r = await sockets.try({ mode: m, token: tokens[m], clientToken });
          if (r.kind === 'open') fail(`after CloseTunnel the ${m} token (with its client-token) opened a connection again`, { mode: m }, { kind: 'answer', expected: 'a 4xx refusal', actual: '101 Switching Protocols' });
          if (!isClientRefusal(r)) fail(`after CloseTunnel a ${m} handshake was refused with ${r.answer}, expected a 4xx`, { mode: m });
        }
      }),
    );
  },
});

defineCheck({
  id: 'DP-EXPIRY-001',
  title: 'A tunnel whose maxLifetimeTimeoutMinutes passes has both sockets closed within 10 s',
  level: 'MUST',
  source: `${FACTS}: SEED: CloseTunnel "closes the WebSocket connections … so no data can be transmitted"; "expiry does the same"`,
  operations: ['OpenTunnel', 'DescribeTunnel'],
  needs: ['dataPlane', 'clock'],
  alone: MOVES_CLOCK,
  cost: (runs) => ({ tunnels: runs * JUDGE_ATTEMPTS, calls: runs * JUDGE_ATTEMPTS * 4 }),
  tunnelNeeds: (runs) => ({ fresh: runs * JUDGE_ATTEMPTS }),
  async run(ctx) {
    const clock = ctx.target.clock ?? ctx.skip('no clock control');
    await assertProperty(ctx, fc.integer({ min: 1, max: 720 }), (minutes) =>
      // Another client may move the clock past the lifetime before both sides are connected: not judged, tried again.
      untilJudged(ctx, () =>
        withSockets(ctx, async (sockets) => {
          const tunnel = await ctx.tunnels.open({ destinationConfig: destinationFor(freshThingName(ctx, 'dp-expiry')), timeoutConfig: { maxLifetimeTimeoutMinutes: minutes } });
          const tokens = await freshTokens(ctx, tunnel);
          const sides = await connectBoth(sockets, tokens).catch(async (e: unknown) => {
            if (await lifeEnded(ctx, await describe(ctx, tunnel.tunnelId))) return undefined;
            throw e;
          });
          if (!sides) return false;
          await clock.advance(minutes * 60 + SETTLE_S);
          const closings = await Promise.all(MODES.map((m) => sides[m].closed(CLOSE_WITHIN_MS)));
          const open = MODES.filter((_, i) => !closings[i].closed);
          if (open.length) fail(`${CLOSE_WITHIN_MS / 1000} s after a ${minutes}-minute tunnel's lifetime ended the ${open.join(' and ')} socket${open.length > 1 ? 's are' : ' is'} still open`, { minutes });
          return true;
        }, { ownsLifetime: true }),
      ),
    );
  },
});

defineCheck({
  id: 'DP-ROTATE-OBSERVED-001',
  title: 'Observed, never failed: whether rotating a side\'s token drops its live connection',
  level: 'SHOULD',
  source: 'service-facts.md#unknown: "whether a rotation drops a live data-plane connection"',
  operations: ['OpenTunnel', 'RotateTunnelAccessToken'],
  needs: ['dataPlane'],
  cost: () => ({ tunnels: 1, calls: 3 }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    const answer = await withSockets(ctx, async (sockets) => {
      const { tunnel, tokens } = await workPair(ctx);
      const sides = await connectBoth(sockets, tokens).catch(() => ctx.skip('not judged: the tunnel\'s tokens did not connect (DP-HANDSHAKE-001 judges that)'));
      await rotateTokens(ctx, tunnel);
      const after = await Promise.all(MODES.map((m) => sides[m].closed(3_000)));
      return Object.fromEntries(MODES.map((m, i) => [m, after[i].closed ? 'dropped' : 'kept (3 s)']));
    });
    ctx.observe({ id: 'dp-rotation-drops-connection', question: 'Does RotateTunnelAccessToken (ALL) drop the live data-plane connections?', answer });
  },
});
