import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { serveVariant, variantNamed, variants } from '../../models/variants/index.js';
import type { RunningServer } from '../../models/server.js';
import { encodeFrame, MessageType, SUBPROTOCOLS } from '../../specs/dataplane.js';
import { advanceClock, connect, connected, openTunnel, states } from './dataplane-client.js';
import { callTunnelApi } from '../support/tunnel-api.js';

const [, V2, V3] = SUBPROTOCOLS;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The variant named, or the faithful reference with `faithful`: every assertion is run against both. */
async function serve(name: string, faithful: boolean) {
  server = await serveVariant(faithful ? { name: 'reference', kind: 'legitimate', description: 'the reference' } : variantNamed(name));
  return server.url;
}
const both = (name: string, run: (base: string, faithful: boolean) => Promise<void>) =>
  it.each([true, false])(`${name}: faithful reference %s`, async (faithful) => run(await serve(name, faithful), faithful));

async function pair(base: string, protocols: string[] = [V3]) {
  const t = await openTunnel(base, { destinationConfig: { services: ['SSH'] } });
  const source = await connected(base, { mode: 'source', token: t.sourceAccessToken, protocols });
  const destination = await connected(base, { mode: 'destination', token: t.destinationAccessToken, protocols });
  return { t, source, destination };
}

describe('every variant is served with a data plane', () => {
  it.each(variants.map((v) => v.name))('%s answers a /tunnel handshake', async (name) => {
    const base = await serve(name, false);
    // 403 is the data plane's own answer to an unknown token: a server without one answers 404.
    expect(await connect(base, { mode: 'source', token: 'not-a-token', protocols: [...SUBPROTOCOLS] })).toEqual({ ok: false, status: 403 });
  });
});

describe('each data-plane variant differs from the reference where it should', () => {
  both('dp-state-never-connected', async (base, faithful) => {
    const t = await openTunnel(base);
    await connected(base, { mode: 'source', token: t.sourceAccessToken });
    expect((await states(base, t.tunnelId)).source.status).toBe(faithful ? 'CONNECTED' : 'DISCONNECTED');
  });

  both('dp-rotated-token-accepted', async (base, faithful) => {
    const t = await openTunnel(base);
    await callTunnelApi(base, 'RotateTunnelAccessToken', { tunnelId: t.tunnelId, clientMode: 'SOURCE' });
    expect((await connect(base, { mode: 'source', token: t.sourceAccessToken })).ok).toBe(!faithful);
  });

  both('dp-token-reusable', async (base, faithful) => {
    const t = await openTunnel(base);
    (await connected(base, { mode: 'source', token: t.sourceAccessToken })).ws.close();
    expect((await connect(base, { mode: 'source', token: t.sourceAccessToken })).ok).toBe(!faithful);
  });

  both('dp-wrong-mode-accepted', async (base, faithful) => {
    const t = await openTunnel(base);
    expect((await connect(base, { mode: 'destination', token: t.sourceAccessToken })).ok).toBe(!faithful);
  });

  both('dp-no-service-ids', async (base, faithful) => {
    const { source, destination } = await pair(base);
    source.ws.send(encodeFrame({ type: MessageType.STREAM_START, streamId: 1, serviceId: 'SSH' }));
    await destination.waitFrames(faithful ? 2 : 1);
    expect(destination.messages()[0].type).toBe(faithful ? MessageType.SERVICE_IDS : MessageType.STREAM_START);
  });

  both('dp-payload-altered', async (base, faithful) => {
    const { source, destination } = await pair(base);
    const frame = encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'SSH', payload: randomBytes(101) });
    source.ws.send(frame);
    const got = await destination.waitFrames(2);
    expect(got[1].equals(frame)).toBe(faithful);
  });

  both('dp-split-frame-mishandled', async (base, faithful) => {
    const { source, destination } = await pair(base);
    const frame = encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'SSH', payload: randomBytes(500) });
    source.ws.send(frame.subarray(0, 200));
    source.ws.send(frame.subarray(200));
    const arrived = await destination.waitFrames(2, 500).then((f) => f[1].equals(frame), () => false);
    expect(arrived).toBe(faithful);
  });

  both('dp-close-leaves-sockets', async (base, faithful) => {
    const { t, source } = await pair(base);
    await callTunnelApi(base, 'CloseTunnel', { tunnelId: t.tunnelId });
    expect(await source.closed(500).then(() => true, () => false)).toBe(faithful);
  });

  both('dp-expiry-leaves-sockets', async (base, faithful) => {
    const { source } = await pair(base);
    await advanceClock(base, 12 * 3600);
    expect(await source.closed(500).then(() => true, () => false)).toBe(faithful);
  });

  both('dp-one-subprotocol', async (base, faithful) => {
    const t = await openTunnel(base);
    const c = await connect(base, { mode: 'source', token: t.sourceAccessToken, protocols: [V2, V3] });
    expect(c.ok && c.peer.protocol).toBe(faithful ? V3 : V2);
    expect((await connect(base, { mode: 'destination', token: t.destinationAccessToken, protocols: [V3] })).ok).toBe(faithful);
  });

  both('dp-reframes', async (base, faithful) => {
    const { source, destination } = await pair(base);
    await destination.waitFrames(1);
    const frames = [1500, 10, 20].map((n) => encodeFrame({ type: MessageType.DATA, streamId: 1, serviceId: 'SSH', payload: randomBytes(n) }));
    for (const f of frames) source.ws.send(f);
    const got = await destination.waitFrames(4);
    // the same tunnel frames byte for byte; the reframing variant cuts the first one at 1000 bytes
    expect(Buffer.concat(got.slice(1))).toEqual(Buffer.concat(frames));
    if (faithful) expect(destination.wsSizes.slice(1)).toEqual(frames.map((f) => f.length));
    else expect(destination.wsSizes[1]).toBe(1000);
  });

  both('dp-rotation-keeps-connection', async (base, faithful) => {
    const { t, source } = await pair(base);
    await callTunnelApi(base, 'RotateTunnelAccessToken', { tunnelId: t.tunnelId, clientMode: 'SOURCE' });
    expect(await source.closed(500).then(() => true, () => false)).toBe(faithful);
  });
});
