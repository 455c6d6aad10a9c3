/**
 * The one Target over an IoTSecureTunnelingClient (mock, http(s), aws, and via the client bridge
 * also module: and library clients). The SDK serialises, signs and sends; the verdict comes from
 * the raw HTTP reply, captured by a middleware next to the transport, so `output` is the wire
 * JSON as sent and a 2xx reply to a request that should fail is visible even where the SDK would
 * throw. The SDK never deserializes a reply: nothing would read what it makes.
 */
import { Agent as HttpsAgent } from 'node:https';
import * as sdk from '@aws-sdk/client-iotsecuretunneling';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpResponse } from '@smithy/protocol-http';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { operationsIndex, type OperationName } from '../../specs/index.js';
import { defaultRetryPolicy, withRetry, type RetryPolicy } from './retry.js';
import type { CallResult, Capabilities } from '../../suites/api.js';
import type { CallStats, Target, TargetKind } from './target.js';
import { insecureEndpoint, probeDataPlane, type DataPlaneSetting } from './dataplane.js';
import { errorCodeOf, parseBody } from './wire.js';
import { plainRequest, type PlainAnswer } from './plain-request.js';

/** Signing needs some credentials; an emulator accepts any, so non-AWS targets get these. */
export const PLACEHOLDER_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'AKIDTUNNELCONFORMANCE', secretAccessKey: 'tunnel-conformance-placeholder' };

export interface SdkTargetOptions {
  kind: TargetKind;
  /** base URL of the service; undefined: the SDK resolves it (from the region, or its endpoint settings) */
  endpoint?: string;
  region?: string;
  /** undefined: placeholder credentials, or on a real account the SDK's default provider chain */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** the driver's policy (TargetPolicy.realAccount): standard credential chain, no target-control requests */
  realAccount?: boolean;
  retry?: RetryPolicy;
  /** per request, ms */
  requestTimeoutMs?: number;
  /**
   * How the SDK sends: node:http (the default) or fetch. The in-process mock uses fetch: msw
   * answers a fetch from the Request object itself, where a node:http request is first written
   * out as HTTP/1.1 bytes and parsed back (docs/performance.md). fetch gets no request timeout:
   * smithy's fetch handler keeps every request's timer, and what it holds, alive for the whole
   * timeout even after the reply (over a standard run: 1 GB peak RSS instead of 0.4).
   */
  transport?: 'node-http' | 'fetch';
  /** where its data plane would be (CONTRACT.md "Data plane"); undefined: it has none */
  dataPlane?: DataPlaneSetting;
  /**
   * Sends a target-control request (`path` under the endpoint, e.g. `/_conformance/v1/clock`)
   * some other way than over the network: the in-process mock answers it from its wire handler
   * directly, where a fetch through msw would cost as much as an API call.
   */
  controlTransport?: (method: 'GET' | 'POST', path: string, body: string | undefined) => ControlAnswer | Promise<ControlAnswer>;
}

/** A target without the control endpoints (CONTRACT.md: every capability is optional). */
export const NO_CAPABILITIES: Capabilities = Object.freeze({ clock: false, reset: false, limits: false, dataPlane: false });

interface RawReply {
  status: number;
  header: string | undefined;
  body: string;
}

type AnyCommand = new (input: Record<string, unknown>) => Parameters<sdk.IoTSecureTunnelingClient['send']>[0];

/** The SDK's command class for an operation, by the name the derived index gives it: no list of commands to keep. */
function commandClass(op: OperationName): AnyCommand {
  const name = operationsIndex.operations[op].command;
  const command = (sdk as unknown as Record<string, AnyCommand | undefined>)[name];
  if (typeof command !== 'function') throw new Error(`the installed @aws-sdk/client-iotsecuretunneling has no ${name}: the derived specs are newer than the SDK`);
  return command;
}

export const commandFor = (op: OperationName, input: Record<string, unknown>): InstanceType<AnyCommand> => new (commandClass(op))(input);

const EMPTY_BODY = new TextEncoder().encode('{}');

/** The reply as the verdict reads it: status, error type header and the whole body, read by the SDK's own collector for its transport. */
async function capture(response: HttpResponse, collect: (body: unknown) => Promise<Uint8Array>): Promise<RawReply> {
  const bytes = response.body === undefined ? new Uint8Array() : await collect(response.body);
  const header = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'x-amzn-errortype')?.[1];
  return { status: response.statusCode, header, body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
}

export function sdkTarget(options: SdkTargetOptions): Target {
  // `serve --tls` on this machine has a self-signed certificate: accepted on loopback only.
  const insecure = options.endpoint !== undefined && insecureEndpoint(options.endpoint);
  const requestHandler =
    options.transport === 'fetch'
      ? new FetchHttpHandler()
      : new NodeHttpHandler({
          connectionTimeout: 10_000,
          requestTimeout: options.requestTimeoutMs ?? 60_000,
          ...(insecure && { httpsAgent: new HttpsAgent({ rejectUnauthorized: false, keepAlive: true }) }),
        });
  const client = new sdk.IoTSecureTunnelingClient({
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    credentials: options.credentials ?? (options.realAccount ? undefined : PLACEHOLDER_CREDENTIALS),
    // The suite retries by its own policy (retry.ts); the SDK's would also retry LimitExceededException, a verdict.
    maxAttempts: 1,
    requestHandler,
    // One middleware chain per command class, resolved once instead of on every call: nothing here
    // varies per call (the reply goes back through `replies`, not the send's options).
    cacheMiddleware: true,
  });
  /** Each call's raw reply, by the input object it was sent with (one fresh object per call). */
  const replies = new WeakMap<object, RawReply>();
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const response = out.response as HttpResponse;
      replies.set(args.input as object, await capture(response, client.config.streamCollector));
      // The verdict reads the captured reply: the SDK is handed an empty success to deserialize,
      // so it neither parses the body a second time nor builds an exception (with its stack) for
      // every refusal, half of a standard run's calls. The headers stay: its signer corrects a
      // skewed local clock from the reply's Date.
      return { ...out, response: new HttpResponse({ statusCode: 200, headers: response.headers, body: EMPTY_BODY }) };
    },
    // Innermost of the deserialize step: between the SDK's deserializer and the transport.
    { step: 'deserialize', priority: 'low', name: 'tcRawReply' },
  );
  // With one attempt the SDK's retry middleware only costs CPU on every call. It stays in name,
  // as a pass-through: the signing middleware is placed relative to it.
  client.middlewareStack.add((next) => next, { name: 'retryMiddleware', step: 'finalizeRequest', priority: 'high', tags: ['RETRY'], override: true });
  const stats: CallStats = { calls: 0, retries: 0, latencies: {} };
  const controlBase = options.endpoint?.replace(/\/+$/, '');
  let capabilities: Promise<Capabilities> | undefined;
  let dataPlaneAbsence: string | undefined;

  async function attempt(op: OperationName, input: Record<string, unknown>): Promise<CallResult> {
    const sent = { ...input };
    const started = performance.now();
    let thrown: unknown;
    try {
      await client.send(commandFor(op, sent));
    } catch (e) {
      thrown = e;
    }
    stats.calls++;
    (stats.latencies[op] ??= []).push(performance.now() - started);
    const reply = replies.get(sent);
    if (!reply) return { ok: false, status: undefined, code: 'NetworkError', message: (thrown as Error | undefined)?.message ?? 'no reply' };
    const body = parseBody(reply.body);
    if (reply.status >= 200 && reply.status < 300) return { ok: true, status: reply.status, output: body };
    const code = errorCodeOf(reply.header, body) ?? `HTTP${reply.status}`;
    const message = String(body.message ?? body.Message ?? '');
    return { ok: false, status: reply.status, code, message };
  }

  /** What the control endpoint says; a data plane named by --data-endpoint is there, an unmentioned one is probed. */
  async function discover(): Promise<Capabilities> {
    const dataPlane = options.dataPlane;
    // The real service has no control endpoints (asking would only cost a request), and a data plane.
    if (options.realAccount || !controlBase) return { ...NO_CAPABILITIES, dataPlane: dataPlane !== undefined };
    const said = await control('GET', 'capabilities')
      .then((a) => (succeeded(a) ? (JSON.parse(a.text) as Partial<Record<keyof Capabilities, unknown>>) : {}))
      .catch(() => ({}) as Partial<Record<keyof Capabilities, unknown>>);
    const controls = { clock: said.clock === true, reset: said.reset === true, limits: said.limits === true };
    if (!dataPlane) return { ...controls, dataPlane: false };
    if (dataPlane.given || said.dataPlane === true) return { ...controls, dataPlane: true };
    if (said.dataPlane === false) {
      dataPlaneAbsence = 'the target says so (/_conformance/v1/capabilities: "dataPlane": false)';
      return { ...controls, dataPlane: false };
    }
    const probe = await probeDataPlane(dataPlane);
    if (!probe.present) dataPlaneAbsence = `${dataPlane.url} ${probe.answer}`;
    return { ...controls, dataPlane: probe.present };
  }

  /**
   * A request to the control endpoints: the caller's own way where it has one (the in-process
   * mock), else over node:http(s), a fraction of a fetch's CPU: a standard run reads or moves the
   * clock over a thousand times.
   */
  async function control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ControlAnswer> {
    const route = `/_conformance/v1/${path}`;
    const text = body === undefined ? undefined : JSON.stringify(body);
    if (options.controlTransport) return options.controlTransport(method, route, text);
    return plainRequest(`${controlBase}${route}`, { method, body: text, headers: text === undefined ? {} : { 'content-type': 'application/json' }, insecure });
  }

  return {
    kind: options.kind,
    endpoint: options.endpoint ?? `https://api.tunneling.iot.${options.region ?? 'us-east-1'}.amazonaws.com`,
    stats,
    call: (op, input) => withRetry(() => attempt(op, input), () => stats.retries++, options.retry ?? defaultRetryPolicy),
    capabilities() {
      capabilities ??= discover();
      return capabilities;
    },
    dataPlane: options.dataPlane && { url: options.dataPlane.url, insecure: options.dataPlane.insecure },
    dataPlaneAbsence: () => dataPlaneAbsence,
    async advanceClock(seconds) {
      const a = await control('POST', 'clock', { advanceSeconds: seconds });
      if (!succeeded(a)) throw new Error(`POST /_conformance/v1/clock answered ${a.status}`);
      return (JSON.parse(a.text) as { now: number }).now;
    },
    async setMaxOpenTunnels(max) {
      const a = await control('POST', 'limits', { maxOpenTunnels: max });
      if (!succeeded(a)) throw new Error(`POST /_conformance/v1/limits answered ${a.status}`);
    },
    async close() {
      client.destroy();
    },
  };
}

/** A control endpoint's answer: its status and body. */
export type ControlAnswer = PlainAnswer;

const succeeded = (a: ControlAnswer) => a.status >= 200 && a.status < 300;
