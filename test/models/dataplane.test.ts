import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, SWEEP_MS } from '../../models/dataplane/index.js';
import { createReference } from '../../models/reference.js';
import { TunnelService } from '../../models/service.js';
import { startServer, type RunningServer } from '../../models/server.js';
import { encodeFrame, MAX_PAYLOAD, MAX_WEBSOCKET_FRAME, MessageType, SUBPROTOCOLS } from '../../specs/dataplane.js';
import { advanceClock, connect, connected, h2cListTunnels, openTunnel, rawRequest, states, upgradeRequest } from './dataplane-client.js';
import { callTunnelApi } from '../support/tunnel-api.js';

const [V1, V2, V3] = SUBPROTOCOLS;
const SERVICES = ['SSH', 'RDP'];
const CLIENT_TOKEN = 'a'.repeat(16) + '-'.repeat(4) + 'B9'.repeat(8);

let server: RunningServer;
let base: string;
beforeAll(async () => {
  server = await startServer({ port: 0 });
  base = server.url;
});
afterAll(() => server.close());

const tunnel = () => openTunnel(base, { destinationConfig: { services: SERVICES } });

describe('handshake', () => {
  it('admits a matching token and mode with 101, echoing the newest subprotocol offered', async () => {
    const t = await tunnel();
    const c = await connect(base, { mode: 'source', token: t.sourceAccessToken, protocols: [V1, V2] });
    expect(c.ok && c.peer.protocol).toBe(V2);
    if (c.ok) c.peer.ws.close();
  });

  it('takes the token from the awsiot-tunnel-token cookie', async () => {
    const t = await tunnel();
    const c = await connect(base, { mode: 'destination', cookieToken: t.destinationAccessToken });
    expect(c.ok).toBe(true);
    if (c.ok) c.peer.ws.close();
  });

  it('ignores a cookie pair without "=" (a name that merely starts like the token cookie is no token)', async () => {
    const t = await tunnel();
    const c = await connect(base, { mode: 'source', token: t.sourceAccessToken, headers: { cookie: 'awsiot-tunnel-tokenX' } });
    expect(c.ok).toBe(true);
    if (c.ok) c.peer.ws.close();
  });

  it.each([
    ['a path other than /tunnel', (t: { sourceAccessToken: string }) => ({ path: '/tunnels', mode: 'source', token: t.sourceAccessToken })],
    ['no local-proxy-mode', (t: { sourceAccessToken: string }) => ({ token: t.sourceAccessToken })],
    ['an unknown local-proxy-mode', (t: { sourceAccessToken: string }) => ({ mode: 'both', token: t.sourceAccessToken })],
    ['the mode of the other side', (t: { sourceAccessToken: string }) => ({ mode: 'destination', token: t.sourceAccessToken })],
    ['no token', () => ({ mode: 'source' })],
    ['a token both in the header and the cookie', (t: { sourceAccessToken: string }) => ({ mode: 'source', token: t.sourceAccessToken, cookieToken: t.sourceAccessToken })],
    ['an unknown token', () => ({ mode: 'source', token: randomBytes(48).toString('base64url') })],
    ['no subprotocol it speaks', (t: { sourceAccessToken: string }) => ({ mode: 'source', token: t.sourceAccessToken, protocols: ['aws.iot.securetunneling-4.0'] })],
    ['a malformed client-token', (t: { sourceAccessToken: string }) => ({ mode: 'source', token: t.sourceAccessToken, headers: { 'client-token': 'short' } })],
  ])('refuses %s with a 4xx and connects nothing', async (_what, options) => {
    const t = await tunnel();
    const c = await connect(base, options(t));
    expect(c.ok ? 101 : c.status).toBeGreaterThanOrEqual(400);
    expect(c.ok ? 101 : c.status).toBeLessThan(500);
    expect((await states(base, t.tunnelId)).source.status).toBe('DISCONNECTED');
    // A refusal does not use the token up.
    const after = await connect(base, { mode: 'source', token: t.sourceAccessToken });
    expect(after.ok).toBe(true);
    if (after.ok) after.peer.ws.close();
  });

  it('admits a token once; a client-token lets the same token and client-token reconnect, nothing else', async () => {
    const t = await tunnel();
    const first = await connected(base, { mode: 'source', token: t.sourceAccessToken });
    first.ws.close();
    expect(await connect(base, { mode: 'source', token: t.sourceAccessToken })).toEqual({ ok: false, status: 403 });

    const d = { mode: 'destination', token: t.destinationAccessToken };
    const withClient = await connected(base, { ...d, headers: { 'client-token': CLIENT_TOKEN } });
    await withClient.ws.close();
    const again = await connected(base, { ...d, headers: { 'client-token': CLIENT_TOKEN } });
    again.ws.close();
    expect((await connect(base, { ...d, headers: { 'client-token': `${CLIENT_TOKEN}x` } })).ok).toBe(false);
    expect((await connect(base, d)).ok).toBe(false);
  });

  it('refuses a rotated-away token, admits the new one, and drops the rotated side live connection', async () => {
    const t = await tunnel();
    const live = await connected(base, { mode: 'source', token: t.sourceAccessToken, headers: { 'client-token': CLIENT_TOKEN } });
    const rotated = (await callTunnelApi(base, 'RotateTunnelAccessToken', { tunnelId: t.tunnelId, clientMode: 'SOURCE' })) as { sourceAccessToken: string };
    expect(await live.closed()).toBe(1000);
    expect((await connect(base, { mode: 'source', token: t.sourceAccessToken, headers: { 'client-token': CLIENT_TOKEN } })).ok).toBe(false);
    const fresh = await connected(base, { mode: 'source', token: rotated.sourceAccessToken });
    fresh.ws.close();
  });

  it('forgets the tokens used once the reference is reset (the uses belong to the service a reset replaces)', async () => {
    // Every fresh service issues the same tokens in the same order, so a reset brings a used one back.
    const reference = createReference({
      service: (o) => {
        let n = 0;
        return new TunnelService({ ...o, newToken: () => `token-${++n}`.padEnd(64, 'x') });
      },
    });
    const own = await startServer({ port: 0, reference });
    try {
      for (let round = 0; round < 2; round++) {
        const t = await openTunnel(own.url);
        const peer = await connected(own.url, { mode: 'source', token: t.sourceAccessToken });
        peer.ws.close();
        reference.reset();
      }
    } finally {
      await own.close();
    }
  });

  it('refuses on a CLOSED tunnel', async () => {
    const t = await tunnel();
    await callTunnelApi(base, 'CloseTunnel', { tunnelId: t.tunnelId });
    expect((await connect(base, { mode: 'source', token: t.sourceAccessToken })).ok).toBe(false);
  });
});

describe('upgrade requests', () => {
  it('leaves an upgrade to something other than websocket to the control plane (POST / with Upgrade: h2c)', async () => {
    const answer = await rawRequest(base, h2cListTunnels);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('tunnelSummaries');
  });


  it.each(['//[', '//a:b@/tunnel'])('answers 400 to the request target %s and keeps serving', async (target) => {
    const answer = await rawRequest(base, upgradeRequest(target));
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('malformed request target');
    expect((await connect(base, { mode: 'source', token: 'x' })).ok).toBe(false);
    expect((await tunnel()).tunnelId).toBeTruthy();
  });
});

/** The frame with field 8 (a varint, 1) appended: protobuf decoders skip it, the guides forbid it. */
const withExtraField = (frame: Buffer) => {
  const out = Buffer.concat([frame, Buffer.from([(8 << 3) | 0, 1])]);
  out.writeUInt16BE(out.length - 2, 0);
  return out;
};

describe('relay', () => {
  async function pair(protocols: string[] = [V3]) {
    const t = await tunnel();
    const source = await connected(base, { mode: 'source', token: t.sourceAccessToken, protocols });
    const destination = await connected(base, { mode: 'destination', token: t.destinationAccessToken, protocols });
    return { t, source, destination };
  }

  it('sends SERVICE_IDS with the tunnel services on V2 and V3, nothing on V1', async () => {
    for (const protocol of [V2, V3]) {
      const { source, destination } = await pair([protocol]);
      for (const peer of [source, destination]) {
        await peer.waitFrames(1);
        expect(peer.messages()[0]).toMatchObject({ type: MessageType.SERVICE_IDS, availableServiceIds: SERVICES });
        peer.ws.close();
      }
    }
    const { source, destination } = await pair([V1]);
    source.ws.send(encodeFrame({ type: MessageType.STREAM_START, streamId: 1 }));
    const [frame] = await destination.waitFrames(1);
    expect(destination.messages()[0].type).toBe(MessageType.STREAM_START);
    expect(frame).toEqual(encodeFrame({ type: MessageType.STREAM_START, streamId: 1 }));
    source.ws.close();
    destination.ws.close();
  });

  it('relays tunnel frames byte-exact both ways, regrouping a split frame and coalesced ones', async () => {
    const { source, destination } = await pair();
    await source.waitFrames(1);
    await destination.waitFrames(1);
    const start = encodeFrame({ type: MessageType.STREAM_START, streamId: 1, serviceId: 'SSH', connectionId: 1 });
    const big = encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'SSH', connectionId: 1, payload: randomBytes(MAX_PAYLOAD) });
    const small = [1, 2, 3].map((i) => encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'SSH', connectionId: 1, payload: randomBytes(10 * i) }));
    source.ws.send(start);
    // one frame split across three WebSocket frames, then three coalesced in one
    source.ws.send(big.subarray(0, 1));
    source.ws.send(big.subarray(1, 5000));
    source.ws.send(Buffer.concat([big.subarray(5000), ...small]));
    const got = await destination.waitFrames(6);
    expect(Buffer.concat(got.slice(1))).toEqual(Buffer.concat([start, big, ...small]));

    const back = encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'RDP', payload: randomBytes(3000) });
    destination.ws.send(Buffer.concat([back.subarray(0, 7)]));
    destination.ws.send(back.subarray(7));
    expect((await source.waitFrames(2))[1]).toEqual(back);
    source.ws.close();
    destination.ws.close();
  });

  it.each([
    ['a text frame', (ws: import('ws').WebSocket) => ws.send('hello')],
    ['SERVICE_IDS from a client', (ws: import('ws').WebSocket) => ws.send(encodeFrame({ type: MessageType.SERVICE_IDS, availableServiceIds: ['SSH'] }))],
    ['SESSION_RESET from a client', (ws: import('ws').WebSocket) => ws.send(encodeFrame({ type: MessageType.SESSION_RESET }))],
    ['a Message with a field the schema lacks', (ws: import('ws').WebSocket) => ws.send(withExtraField(encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'SSH', payload: Buffer.from('x') })))],
    ['STREAM_START from the destination', (ws: import('ws').WebSocket) => ws.send(encodeFrame({ type: MessageType.STREAM_START, streamId: 1, serviceId: 'SSH' }), { binary: true })],
    ['a serviceId the tunnel lacks', (ws: import('ws').WebSocket) => ws.send(encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'FTP', payload: Buffer.from('x') }))],
    ['a payload over 63 KiB', (ws: import('ws').WebSocket) => ws.send(encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'SSH', payload: randomBytes(MAX_PAYLOAD + 1) }))],
    ['a WebSocket message over the bound the reference sets', (ws: import('ws').WebSocket) => ws.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1))],
  ])('closes the connection that sends %s, forwarding nothing of it', async (_what, send) => {
    const { source, destination } = await pair();
    await source.waitFrames(1);
    send(destination.ws);
    expect(await destination.closed()).toBeGreaterThanOrEqual(1000);
    expect(source.frames).toHaveLength(1);
    source.ws.close();
  });

  it('delivers the frames that came before a bad one in the same WebSocket message, then closes the sender', async () => {
    const { source, destination } = await pair();
    await source.waitFrames(1);
    await destination.waitFrames(1);
    const good = encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'SSH', payload: Buffer.from('kept') });
    source.ws.send(Buffer.concat([good, encodeFrame({ type: MessageType.SERVICE_IDS, availableServiceIds: ['SSH'] })]));
    expect(await source.closed()).toBe(1008);
    expect((await destination.waitFrames(2))[1]).toEqual(good);
    destination.ws.close();
  });

  it('relays a message of three fragments that together exceed the 131076-byte frame bound (the bound is per frame)', async () => {
    const { source, destination } = await pair();
    await source.waitFrames(1);
    await destination.waitFrames(1);
    const frames = [1, 2, 3, 4].map((i) => encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'SSH', payload: randomBytes(44000 + i) }));
    const bytes = Buffer.concat(frames);
    const fragments = [bytes.subarray(0, 60000), bytes.subarray(60000, 120000), bytes.subarray(120000)];
    expect(Math.max(...fragments.map((f) => f.length))).toBeLessThanOrEqual(MAX_WEBSOCKET_FRAME);
    fragments.forEach((f, i) => source.ws.send(f, { binary: true, fin: i === fragments.length - 1 }));
    expect(Buffer.concat((await destination.waitFrames(5)).slice(1))).toEqual(bytes);
    expect(source.ws.readyState).toBe(source.ws.OPEN);
    source.ws.close();
    destination.ws.close();
  });

  it('a new connection of a side replaces the old one', async () => {
    const t = await tunnel();
    const first = await connected(base, { mode: 'source', token: t.sourceAccessToken, headers: { 'client-token': CLIENT_TOKEN } });
    const second = await connected(base, { mode: 'source', token: t.sourceAccessToken, headers: { 'client-token': CLIENT_TOKEN } });
    await first.closed();
    expect((await states(base, t.tunnelId)).source.status).toBe('CONNECTED');
    second.ws.close();
  });
});

describe('connection state and the end of a tunnel', () => {
  const settled = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 40 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
    return check();
  };

  it('flips each side to CONNECTED and back to DISCONNECTED, with a new lastUpdatedAt each time', async () => {
    const t = await tunnel();
    const before = await states(base, t.tunnelId);
    expect(before.source.status).toBe('DISCONNECTED');
    await advanceClock(base, 1);
    const source = await connected(base, { mode: 'source', token: t.sourceAccessToken });
    const during = await states(base, t.tunnelId);
    expect(during.source.status).toBe('CONNECTED');
    expect(during.source.lastUpdatedAt).toBeGreaterThan(before.source.lastUpdatedAt);
    expect(during.destination).toEqual(before.destination);
    await advanceClock(base, 1);
    source.ws.close();
    expect(await settled(async () => (await states(base, t.tunnelId)).source.status === 'DISCONNECTED')).toBe(true);
    expect((await states(base, t.tunnelId)).source.lastUpdatedAt).toBeGreaterThan(during.source.lastUpdatedAt);
  });

  it.each([
    ['CloseTunnel', (t: { tunnelId: string }) => callTunnelApi(base, 'CloseTunnel', { tunnelId: t.tunnelId })],
    ['CloseTunnel with delete', (t: { tunnelId: string }) => callTunnelApi(base, 'CloseTunnel', { tunnelId: t.tunnelId, delete: true })],
    ['expiry through the clock control', () => advanceClock(base, 12 * 3600)],
  ])('%s closes both sockets promptly', async (_what, end) => {
    const t = await tunnel();
    const source = await connected(base, { mode: 'source', token: t.sourceAccessToken });
    const destination = await connected(base, { mode: 'destination', token: t.destinationAccessToken });
    const started = Date.now();
    await end(t);
    expect(await source.closed(1000)).toBe(1000);
    expect(await destination.closed(1000)).toBe(1000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses handshakes on an expired tunnel and shows its sides DISCONNECTED', async () => {
    const t = await openTunnel(base, { timeoutConfig: { maxLifetimeTimeoutMinutes: 1 } });
    const source = await connected(base, { mode: 'source', token: t.sourceAccessToken });
    await advanceClock(base, 60);
    expect(await source.closed(1000)).toBe(1000);
    expect((await connect(base, { mode: 'destination', token: t.destinationAccessToken })).ok).toBe(false);
    const s = await states(base, t.tunnelId);
    expect([s.source.status, s.destination.status]).toEqual(['DISCONNECTED', 'DISCONNECTED']);
  });

  it('the periodic sweep closes a socket whose tunnel ended without a request to the server (as expiry in real time does)', async () => {
    const reference = createReference();
    const own = await startServer({ port: 0, reference });
    try {
      const opened = reference.service().call('OpenTunnel', {});
      const t = (opened.ok ? opened.output : {}) as { tunnelId: string; sourceAccessToken: string };
      const source = await connected(own.url, { mode: 'source', token: t.sourceAccessToken });
      // straight to the service: no request, no clock advance, so only the timer can notice
      reference.service().call('CloseTunnel', { tunnelId: t.tunnelId });
      expect(await source.closed(SWEEP_MS + 500)).toBe(1000);
    } finally {
      await own.close();
    }
  });

  it('never shows a CONNECTED side on a tunnel that expired in real time, even before the periodic sweep', async () => {
    // Time passing with no clock advance and no notification, as real time does.
    let passedMs = 0;
    const reference = createReference({ service: (o) => new TunnelService({ ...o, now: () => o.now() + passedMs }) });
    const own = await startServer({ port: 0, reference });
    try {
      const t = await openTunnel(own.url, { timeoutConfig: { maxLifetimeTimeoutMinutes: 1 } });
      const source = await connected(own.url, { mode: 'source', token: t.sourceAccessToken });
      expect((await states(own.url, t.tunnelId)).source.status).toBe('CONNECTED');
      passedMs = 61_000;
      const { tunnel } = (await callTunnelApi(own.url, 'DescribeTunnel', { tunnelId: t.tunnelId })) as { tunnel: Record<string, { status: string }> & { status: string } };
      expect([tunnel.status, tunnel.sourceConnectionState.status]).toEqual(['CLOSED', 'DISCONNECTED']);
      expect(await source.closed(1000)).toBe(1000);
    } finally {
      await own.close();
    }
  });

  it('shows both sides DISCONNECTED after CloseTunnel', async () => {
    const t = await tunnel();
    await connected(base, { mode: 'source', token: t.sourceAccessToken });
    await connected(base, { mode: 'destination', token: t.destinationAccessToken });
    await callTunnelApi(base, 'CloseTunnel', { tunnelId: t.tunnelId });
    const s = await states(base, t.tunnelId);
    expect([s.source.status, s.destination.status]).toEqual(['DISCONNECTED', 'DISCONNECTED']);
  });
});
