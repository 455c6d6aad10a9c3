import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mockTarget } from '../../src/targets/mock.js';
import { encodeFrame, MessageType } from '../../specs/dataplane.js';
import { connect, connected } from './dataplane-client.js';

type Mock = Awaited<ReturnType<typeof mockTarget>>;
let target: Mock | undefined;
let base: string;
beforeAll(async () => {
  target = await mockTarget();
  base = target.dataPlane.url.replace(/\/tunnel$/, '');
});
// msw intercepts process-wide: two mocks at once would both answer one request, so the tests share one.
const mock = () => target!;
afterAll(() => target?.close());

async function open() {
  const r = await mock().call('OpenTunnel', { destinationConfig: { services: ['SSH'] } });
  if (!r.ok) throw new Error(`OpenTunnel answered ${r.status}`);
  return r.output as { tunnelId: string; sourceAccessToken: string; destinationAccessToken: string };
}

describe("the mock target's control calls", () => {
  it('reach its reference directly, without a fetch: the clock it moves is the one its API answers by', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch');
    try {
      expect(await mock().capabilities()).toMatchObject({ clock: true, limits: true });
      const now = await mock().advanceClock(0);
      const later = await mock().advanceClock(3600);
      expect(later - now).toBeGreaterThanOrEqual(3600);
      expect(fetched).not.toHaveBeenCalled();
      const t = await open();
      const described = await mock().call('DescribeTunnel', { tunnelId: t.tunnelId });
      const createdAt = described.ok ? (described.output as { tunnel: { createdAt: number } }).tunnel.createdAt : NaN;
      expect(Math.abs(createdAt - later)).toBeLessThan(60);
      await mock().setMaxOpenTunnels(null);
    } finally {
      fetched.mockRestore();
    }
  });
});

describe('the mock target data plane', () => {
  it('is a loopback ws URL and the capabilities say so', async () => {
    expect(mock().dataPlane).toEqual({ url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/tunnel$/), insecure: false });
    expect((await mock().capabilities()).dataPlane).toBe(true);
  });

  it('relays between two sides of a tunnel msw opened, and DescribeTunnel through msw shows them CONNECTED', async () => {
    const t = await open();
    const source = await connected(base, { mode: 'source', token: t.sourceAccessToken });
    const destination = await connected(base, { mode: 'destination', token: t.destinationAccessToken });
    const frame = encodeFrame({ type: MessageType.STREAM_START, streamId: 1, serviceId: 'SSH' });
    source.ws.send(frame);
    expect((await destination.waitFrames(2))[1]).toEqual(frame);
    const d = await mock().call('DescribeTunnel', { tunnelId: t.tunnelId });
    const tunnel = (d.ok ? d.output.tunnel : {}) as Record<string, { status: string }>;
    expect([tunnel.sourceConnectionState?.status, tunnel.destinationConnectionState?.status]).toEqual(['CONNECTED', 'CONNECTED']);
    await mock().call('CloseTunnel', { tunnelId: t.tunnelId });
    expect(await source.closed()).toBe(1000);
    expect(await destination.closed()).toBe(1000);
  });

  it('refuses a handshake msw let through with a 4xx', async () => {
    const t = await open();
    expect(await connect(base, { mode: 'destination', token: t.sourceAccessToken })).toEqual({ ok: false, status: 403 });
  });

  // last: it closes the shared target
  it('closes its sockets with the target', async () => {
    const t = await open();
    const live = await connected(base, { mode: 'source', token: t.sourceAccessToken });
    const closing = mock();
    target = undefined;
    await closing.close();
    expect(await live.closed()).toBeGreaterThanOrEqual(1000);
    expect((await connect(base, { mode: 'destination', token: t.destinationAccessToken }).catch((e: Error) => e)) instanceof Error).toBe(true);
  });
});
