/** The client bridge: an SDK-level client served as an awsJson endpoint, answered in wire form. */
import {
  DescribeTunnelCommand, IoTSecureTunnelingClient, LimitExceededException, ListTunnelsCommand, OpenTunnelCommand, ResourceNotFoundException,
} from '@aws-sdk/client-iotsecuretunneling';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { clientTarget, isSendingClient, startClientBridge, type ClientBridge } from '../../src/targets/client.js';
import { sdkTarget } from '../../src/targets/sdk.js';

let bridge: ClientBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

function fake() {
  const client = new IoTSecureTunnelingClient({ region: 'us-east-1' });
  const m = mockClient(client);
  m.on(DescribeTunnelCommand).resolves({ tunnel: { tunnelId: 't1', status: 'OPEN', createdAt: new Date(1_700_000_000_500) }, $metadata: { httpStatusCode: 200 } });
  m.on(OpenTunnelCommand).rejects(new ResourceNotFoundException({ message: 'no', $metadata: { httpStatusCode: 404 } }));
  m.on(ListTunnelsCommand).rejects(Object.assign(new Error('boom'), { name: 'InternalFailure', $fault: 'server' }));
  return { client, m };
}

describe('client bridge', () => {
  it('answers with wire JSON (Date → epoch seconds) over a loopback socket', async () => {
    const { client, m } = fake();
    bridge = await startClientBridge(client);
    expect(bridge.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const t = sdkTarget({ kind: 'module', endpoint: bridge.endpoint });
    expect(await t.call('DescribeTunnel', { tunnelId: 't1' })).toEqual({ ok: true, status: 200, output: { tunnel: { tunnelId: 't1', status: 'OPEN', createdAt: 1_700_000_000.5 } } });
    expect(m.commandCalls(DescribeTunnelCommand)[0].args[0].input).toEqual({ tunnelId: 't1' });
  });

  it('passes errors on with their name as the code and their status', async () => {
    const { client } = fake();
    bridge = await startClientBridge(client);
    const t = sdkTarget({ kind: 'module', endpoint: bridge.endpoint, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, budgetMs: 1000 } });
    expect(await t.call('OpenTunnel', {})).toEqual({ ok: false, status: 404, code: 'ResourceNotFoundException', message: 'no' });
    expect(await t.call('ListTunnels', {})).toMatchObject({ ok: false, status: 500, code: 'InternalFailure' });
    expect(t.stats.retries).toBe(1);
    expect(await t.capabilities()).toEqual({ clock: false, reset: false, limits: false, dataPlane: false });
  });

  it('passes LimitExceededException on as itself, with its 4xx, after one call of the client', async () => {
    const client = new IoTSecureTunnelingClient({ region: 'us-east-1' });
    const m = mockClient(client);
    m.on(OpenTunnelCommand).rejects(new LimitExceededException({ message: 'limit', $metadata: { httpStatusCode: 403 } }));
    bridge = await startClientBridge(client);
    const t = sdkTarget({ kind: 'module', endpoint: bridge.endpoint, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, budgetMs: 1000 } });
    expect(await t.call('OpenTunnel', {})).toEqual({ ok: false, status: 403, code: 'LimitExceededException', message: 'limit' });
    expect(m.commandCalls(OpenTunnelCommand)).toHaveLength(1);
    expect(await clientTarget(client, 'module:x').call('OpenTunnel', {})).toMatchObject({ ok: false, status: 403, code: 'LimitExceededException' });
  });

  it('calls the client directly in the calling process', async () => {
    const { client } = fake();
    const t = clientTarget(client, 'module:x');
    expect(await t.call('OpenTunnel', {})).toMatchObject({ ok: false, code: 'ResourceNotFoundException', status: 404 });
    expect(isSendingClient(client)).toBe(true);
    expect(isSendingClient({ send: 1 })).toBe(false);
  });
});
