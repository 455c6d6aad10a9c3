import { afterEach, describe, expect, it } from 'vitest';
import { sdkTarget } from '../../src/targets/sdk.js';
import { startStub, type StubReply } from './stub-server.js';

const fastRetry = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
let stub: Awaited<ReturnType<typeof startStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function targetAnswering(reply: (n: number) => StubReply) {
  stub = await startStub((_req, n) => reply(n));
  return sdkTarget({ kind: 'http', endpoint: stub.url, retry: fastRetry });
}

describe('sdkTarget over the wire', () => {
  it('returns the body exactly as sent, timestamps as numbers, and sends the awsJson target header', async () => {
    const body = { tunnel: { tunnelId: 't1', status: 'OPEN', createdAt: 1700000000.5, extraMember: [1] } };
    const t = await targetAnswering(() => ({ status: 200, body: JSON.stringify(body) }));
    const r = await t.call('DescribeTunnel', { tunnelId: 't1' });
    expect(r).toEqual({ ok: true, status: 200, output: body });
    expect(stub!.requests[0].target).toBe('IoTSecuredTunneling.DescribeTunnel');
    expect(JSON.parse(stub!.requests[0].body)).toEqual({ tunnelId: 't1' });
    expect(t.stats.calls).toBe(1);
    expect(t.stats.latencies.DescribeTunnel).toHaveLength(1);
  });

  it('gives each of two concurrent calls its own reply when the later one is answered first', async () => {
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    stub = await startStub(async (req) => {
      const { tunnelId } = JSON.parse(req.body) as { tunnelId: string };
      if (tunnelId === 'first') await firstHeld;
      return { status: 200, body: JSON.stringify({ tunnel: { tunnelId } }) };
    });
    const t = sdkTarget({ kind: 'http', endpoint: stub.url, retry: fastRetry });
    const first = t.call('DescribeTunnel', { tunnelId: 'first' });
    expect(await t.call('DescribeTunnel', { tunnelId: 'second' })).toEqual({ ok: true, status: 200, output: { tunnel: { tunnelId: 'second' } } });
    releaseFirst();
    expect(await first).toEqual({ ok: true, status: 200, output: { tunnel: { tunnelId: 'first' } } });
  });

  it('shows a 2xx reply the SDK cannot parse as a success with the raw output', async () => {
    const t = await targetAnswering(() => ({ status: 200, body: '{}' }));
    expect(await t.call('DescribeTunnel', { tunnelId: 'never-opened' })).toEqual({ ok: true, status: 200, output: {} });
  });

  it("signs later requests by the service's clock when a refusal's Date shows the local one skewed", async () => {
    const ahead = new Date(Date.now() + 2 * 3600_000).toUTCString();
    const t = await targetAnswering(() => ({ status: 403, body: JSON.stringify({ message: 'Signature expired' }), headers: { date: ahead } }));
    expect(await t.call('ListTunnels', {})).toMatchObject({ ok: false, status: 403 });
    await t.call('ListTunnels', {});
    const signedAt = (r: { headers: Record<string, unknown> }) => Date.parse(String(r.headers['x-amz-date']).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    const [first, second] = stub!.requests.map(signedAt);
    expect(Math.abs(first - Date.now())).toBeLessThan(600_000);
    expect(Math.abs(second - Date.parse(ahead))).toBeLessThan(600_000);
  });

  it('reads the error code from x-amzn-errortype, stripping prefix# and :suffix', async () => {
    const t = await targetAnswering(() => ({
      status: 404,
      body: JSON.stringify({ __type: 'ignored', message: 'no such tunnel' }),
      headers: { 'x-amzn-errortype': 'com.amazonaws.iot#ResourceNotFoundException:http://internal' },
    }));
    expect(await t.call('CloseTunnel', { tunnelId: 'x' })).toEqual({ ok: false, status: 404, code: 'ResourceNotFoundException', message: 'no such tunnel' });
  });

  it('reads the error code from __type when there is no header', async () => {
    const t = await targetAnswering(() => ({ status: 400, body: JSON.stringify({ __type: 'aws.protocoltests#ValidationException', message: 'bad' }) }));
    const r = await t.call('ListTunnels', { maxResults: 0 });
    expect(r).toMatchObject({ ok: false, status: 400, code: 'ValidationException' });
  });

  it('retries throttling and 5xx, counts the retries, and never reports them as the result', async () => {
    const t = await targetAnswering((n) =>
      n === 1 ? { status: 400, body: JSON.stringify({ __type: 'ThrottlingException' }) } : n === 2 ? { status: 503, body: '' } : { status: 200, body: '{"tunnelSummaries":[]}' },
    );
    expect(await t.call('ListTunnels', {})).toEqual({ ok: true, status: 200, output: { tunnelSummaries: [] } });
    expect(t.stats.retries).toBe(2);
    expect(stub!.requests).toHaveLength(3);
  });

  it('gives up after the policy`s attempts and returns the last reply', async () => {
    const t = await targetAnswering(() => ({ status: 500, body: JSON.stringify({ __type: 'InternalFailure' }) }));
    expect(await t.call('ListTunnels', {})).toMatchObject({ ok: false, status: 500, code: 'InternalFailure' });
    expect(stub!.requests).toHaveLength(fastRetry.maxAttempts);
  });

  it('reports a refused connection as NetworkError without a status', async () => {
    const t = sdkTarget({ kind: 'http', endpoint: 'http://127.0.0.1:1', retry: fastRetry });
    expect(await t.call('ListTunnels', {})).toMatchObject({ ok: false, status: undefined, code: 'NetworkError' });
  });

  it('discovers capabilities once, all false on 404', async () => {
    const t = await targetAnswering(() => ({ status: 404, body: '{}' }));
    expect(await t.capabilities()).toEqual({ clock: false, reset: false, limits: false, dataPlane: false });
    expect(await t.capabilities()).toEqual({ clock: false, reset: false, limits: false, dataPlane: false });
    expect(stub!.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /_conformance/v1/capabilities']);
  });

  it('reads capabilities and advances the clock through the control endpoints', async () => {
    const t = await targetAnswering((n) => (n === 1 ? { status: 200, body: '{"clock":true}' } : { status: 200, body: '{"now":1234.5}' }));
    expect(await t.capabilities()).toEqual({ clock: true, reset: false, limits: false, dataPlane: false });
    expect(await t.advanceClock(60)).toBe(1234.5);
    expect(stub!.requests[1]).toMatchObject({ method: 'POST', url: '/_conformance/v1/clock', body: '{"advanceSeconds":60}' });
  });

  it('reads the limits capability and sets and restores the limit through the control endpoint', async () => {
    const t = await targetAnswering((n) => (n === 1 ? { status: 200, body: '{"limits":true}' } : n === 2 ? { status: 200, body: '{"maxOpenTunnels":2}' } : { status: 400, body: '{}' }));
    expect(await t.capabilities()).toEqual({ clock: false, reset: false, limits: true, dataPlane: false });
    await t.setMaxOpenTunnels(2);
    await expect(t.setMaxOpenTunnels(null)).rejects.toThrow('POST /_conformance/v1/limits answered 400');
    expect(stub!.requests.slice(1)).toMatchObject([
      { method: 'POST', url: '/_conformance/v1/limits', body: '{"maxOpenTunnels":2}' },
      { method: 'POST', url: '/_conformance/v1/limits', body: '{"maxOpenTunnels":null}' },
    ]);
  });

  // The SDK classes LimitExceededException as throttling: only maxAttempts 1 and the suite's own policy keep it a verdict.
  it.each([
    [403, undefined],
    [400, undefined],
    [503, undefined],
    [429, 'LimitExceededException'],
  ])('calls a target answering LimitExceededException with %s once, and returns it', async (status, header) => {
    const t = await targetAnswering(() => ({
      status,
      body: JSON.stringify({ __type: 'LimitExceededException', message: 'limit' }),
      headers: header ? { 'x-amzn-errortype': header } : undefined,
    }));
    expect(await t.call('OpenTunnel', {})).toEqual({ ok: false, status, code: 'LimitExceededException', message: 'limit' });
    expect(stub!.requests).toHaveLength(1);
    expect(t.stats.retries).toBe(0);
  });
});
