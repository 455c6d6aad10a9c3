/**
 * The floor a run is measured against: the same number of calls, in the same per-operation mix,
 * made by a plain SDK loop (default client, no generators, no checks) against the same kind of
 * target: msw-intercepted in this process for `mock` (through fetch, as the mock target sends),
 * the same `serve` child for http.
 */
import * as sdk from '@aws-sdk/client-iotsecuretunneling';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { setupServer } from 'msw/node';
import { referenceHandlers } from '../models/msw.js';
import { createReference } from '../models/reference.js';
import type { OperationName } from '../specs/index.js';
import { MOCK_ENDPOINT } from '../src/targets/mock.js';
import { commandFor, PLACEHOLDER_CREDENTIALS } from '../src/targets/sdk.js';

export type CallMix = Partial<Record<OperationName, number>>;

/** Operations interleaved in proportion to their counts, so that tunnels exist when they are needed. */
export function interleave(mix: CallMix): OperationName[] {
  const total = Object.values(mix).reduce((a, b) => a + (b ?? 0), 0);
  const done: CallMix = {};
  const order: OperationName[] = [];
  for (let i = 1; i <= total; i++) {
    // the operation furthest behind its share of the first i calls goes next
    const [op] = (Object.entries(mix) as [OperationName, number][])
      .filter(([o, n]) => (done[o] ?? 0) < n)
      .map(([o, n]) => [o, (n * i) / total - (done[o] ?? 0)] as const)
      .sort((a, b) => b[1] - a[1])[0];
    done[op] = (done[op] ?? 0) + 1;
    order.push(op);
  }
  return order;
}

/** Times `order` through a plain client at `endpoint`; errors count as calls (the suite makes many). */
async function timeCalls(endpoint: string, order: OperationName[], requestHandler?: FetchHttpHandler): Promise<number> {
  const client = new sdk.IoTSecureTunnelingClient({ region: 'us-east-1', endpoint, credentials: PLACEHOLDER_CREDENTIALS, maxAttempts: 1, requestHandler });
  const open = async () => (await client.send(new sdk.OpenTunnelCommand({ destinationConfig: { services: ['SSH'], thingName: 'bench' } }))) as { tunnelId: string; tunnelArn: string };
  let tunnel = await open();
  const input = (op: OperationName): Record<string, unknown> => {
    switch (op) {
      case 'OpenTunnel':
        return { destinationConfig: { services: ['SSH'], thingName: 'bench' }, tags: [{ key: 'bench', value: 'floor' }] };
      case 'ListTunnels':
        return { maxResults: 10 };
      case 'TagResource':
        return { resourceArn: tunnel.tunnelArn, tags: [{ key: 'k', value: 'v' }] };
      case 'UntagResource':
        return { resourceArn: tunnel.tunnelArn, tagKeys: ['k'] };
      case 'ListTagsForResource':
        return { resourceArn: tunnel.tunnelArn };
      case 'RotateTunnelAccessToken':
        return { tunnelId: tunnel.tunnelId, clientMode: 'ALL' };
      default:
        return { tunnelId: tunnel.tunnelId };
    }
  };
  // Warm: the first call pays for lazy loading inside the SDK, which a run pays before its first check.
  await client.send(new sdk.DescribeTunnelCommand({ tunnelId: tunnel.tunnelId }));
  const started = performance.now();
  for (const op of order) {
    try {
      const out = (await client.send(commandFor(op, input(op)))) as { tunnelId?: string; tunnelArn?: string };
      if (op === 'OpenTunnel') tunnel = out as typeof tunnel;
    } catch {
      // a rejected call (e.g. rotating a tunnel already closed) costs a round trip all the same
    }
  }
  const ms = performance.now() - started;
  client.destroy();
  return ms;
}

export async function mockFloor(order: OperationName[]): Promise<number> {
  const server = setupServer(...referenceHandlers(MOCK_ENDPOINT, createReference()));
  server.listen({ onUnhandledRequest: 'error' });
  try {
    // The same transport as the mock target (fetch, which msw answers from the Request itself):
    // a floor on node:http would cost more than the run's own calls and flatter the ratio.
    return await timeCalls(MOCK_ENDPOINT, order, new FetchHttpHandler());
  } finally {
    server.close();
  }
}

export const httpFloor = (endpoint: string, order: OperationName[]) => timeCalls(endpoint, order);
