/**
 * The floor a run is measured against: the run's own requests replayed through a bare SDK client
 * on the same transport (`mockReplay`, `httpReplay`); and the older synthetic floor, the same
 * number of calls, in the same per-operation mix, made by a plain SDK loop (default client, no generators, no checks) against the same kind of
 * target: msw-intercepted in this process for `mock` (through fetch, as the mock target sends),
 * the same `serve` child for http.
 */
import * as sdk from '@aws-sdk/client-iotsecuretunneling';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { setupServer } from 'msw/node';
import { referenceHandlers } from '../models/msw.js';
import { createReference } from '../models/reference.js';
import { operationForTarget, type OperationName } from '../specs/index.js';
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

/** What a run sent, in order, and the tunnels its reference opened, in order (first-call-probe.mjs). */
export interface Recording {
  requests: { target: string; body: string }[];
  opened: string[];
}

export function readRecording(text: string): Recording {
  const recording: Recording = { requests: [], opened: [] };
  for (const line of text.split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as { t?: string; b?: string; open?: string };
    if (r.open) recording.opened.push(r.open);
    else if (r.t !== undefined && r.b !== undefined) recording.requests.push({ target: r.t, body: r.b });
  }
  return recording;
}

const TUNNEL_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Times the run's own requests, byte for byte and in order, through a bare client at
 * `endpoint`: each is sent as its operation's SDK command with the recorded body in place of the
 * serialized one (so signing and the transport are the SDK's), the run's tunnel ids replaced by
 * the ids the replay's own OpenTunnel calls got (k-th opened in the run -> k-th opened here).
 * Errors count as calls.
 */
async function replayCalls(endpoint: string, recording: Recording, requestHandler?: FetchHttpHandler): Promise<number> {
  const client = new sdk.IoTSecureTunnelingClient({ region: 'us-east-1', endpoint, credentials: PLACEHOLDER_CREDENTIALS, maxAttempts: 1, requestHandler });
  let body: string | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { body?: unknown; headers: Record<string, string> };
      if (body !== undefined) {
        request.body = body;
        request.headers['content-length'] = String(Buffer.byteLength(body));
      }
      return next(args);
    },
    { step: 'build', priority: 'low', name: 'tcReplayBody' },
  );
  // Warm: the first call pays for lazy loading inside the SDK, which a run pays before its first check.
  await client.send(new sdk.ListTunnelsCommand({ maxResults: 1 }));
  const ids = new Map<string, string>();
  let opened = 0;
  let rejected = 0;
  const started = performance.now();
  for (const { target, body: recorded } of recording.requests) {
    const op = operationForTarget(target);
    if (!op) continue;
    body = recorded.replace(TUNNEL_ID, (id) => ids.get(id) ?? id);
    try {
      const out = (await client.send(commandFor(op, {}))) as { tunnelId?: string };
      if (op === 'OpenTunnel' && out.tunnelId && opened < recording.opened.length) ids.set(recording.opened[opened++], out.tunnelId);
    } catch {
      // a rejected call costs a round trip all the same
      rejected++;
    }
  }
  const ms = performance.now() - started;
  console.error(`bench: replay: ${recording.requests.length} requests, ${rejected} rejected, ${opened} of the run's ${recording.opened.length} tunnels mapped`);
  body = undefined;
  client.destroy();
  return ms;
}

/** The mock floor from a recording: the same transport (fetch, answered by msw) and a fresh reference. */
export async function mockReplay(recording: Recording): Promise<number> {
  const server = setupServer(...referenceHandlers(MOCK_ENDPOINT, createReference()));
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return await replayCalls(MOCK_ENDPOINT, recording, new FetchHttpHandler());
  } finally {
    server.close();
  }
}

export const httpReplay = (endpoint: string, recording: Recording) => replayCalls(endpoint, recording);

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
