/**
 * SDK-level implementations (a `module:` target, a client handed to `runConformance`): anything
 * with `send(command)`. Checks run in a worker thread that cannot receive objects, so the client
 * is served to them over a loopback HTTP bridge speaking the real wire protocol; the calling
 * process talks to the same client directly (cleanup, sweep) through `clientTarget`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { operationForTarget, type OperationName } from '../../specs/index.js';
import { commandFor, NO_CAPABILITIES } from './sdk.js';
import type { CallResult } from '../../suites/api.js';
import type { CallStats, Target } from './target.js';
import { AWS_JSON_CONTENT_TYPE, toWire } from './wire.js';

export interface SendingClient {
  send(command: unknown): Promise<unknown>;
}

interface SdkError {
  name?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
}

/** One call on the client, answered in wire terms: status, and the output or error code. */
export async function invoke(client: SendingClient, op: OperationName, input: Record<string, unknown>): Promise<CallResult> {
  try {
    const output = ((await client.send(commandFor(op, input))) ?? {}) as { $metadata?: { httpStatusCode?: number } };
    return { ok: true, status: output.$metadata?.httpStatusCode ?? 200, output: toWire(output) as Record<string, unknown> };
  } catch (e) {
    const err = (e ?? {}) as SdkError;
    const status = err.$metadata?.httpStatusCode ?? (err.$fault === 'server' ? 500 : 400);
    return { ok: false, status, code: err.name ?? 'Error', message: err.message ?? String(e) };
  }
}

export function isSendingClient(value: unknown): value is SendingClient {
  return value !== null && typeof value === 'object' && typeof (value as SendingClient).send === 'function';
}

/** `module:PATH`: the default export is a client or a (possibly async) function returning one. */
export async function loadClientModule(path: string): Promise<SendingClient> {
  const mod = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown };
  const exported = typeof mod.default === 'function' ? await (mod.default as () => unknown)() : mod.default;
  if (!isSendingClient(exported)) throw new Error(`module:${path} must export by default an object with send(command), or a function returning one`);
  return exported;
}

/** A Target calling the client in this process (no retries: the client is local). */
export function clientTarget(client: SendingClient, endpoint: string): Target {
  const stats: CallStats = { calls: 0, retries: 0, latencies: {} };
  return {
    kind: 'module',
    endpoint,
    stats,
    async call(op, input) {
      stats.calls++;
      return invoke(client, op, input);
    },
    capabilities: async () => NO_CAPABILITIES,
    advanceClock: async () => {
      throw new Error('an SDK-level client has no clock control');
    },
    setMaxOpenTunnels: async () => {
      throw new Error('an SDK-level client has no limits control');
    },
    close: async () => {},
  };
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export interface ClientBridge {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  close(): Promise<void>;
}

/** Serves `client` on a loopback port as an awsJson1_1 endpoint (no control endpoints: 404). */
export async function startClientBridge(client: SendingClient): Promise<ClientBridge> {
  const server: Server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown, errorType?: string) => {
      res.writeHead(status, { 'content-type': AWS_JSON_CONTENT_TYPE, ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
      res.end(JSON.stringify(body));
    };
    const target = String(req.headers['x-amz-target'] ?? '');
    const op = operationForTarget(target);
    if (req.method !== 'POST' || !op) {
      await readBody(req);
      return reply(req.method === 'POST' ? 400 : 404, { __type: 'UnknownOperationException', message: `unknown operation ${target}` }, 'UnknownOperationException');
    }
    let input: Record<string, unknown>;
    try {
      const text = await readBody(req);
      input = text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      return reply(400, { __type: 'SerializationException', message: 'body is not JSON' }, 'SerializationException');
    }
    const r = await invoke(client, op, input);
    if (r.ok) reply(r.status, r.output);
    else reply(r.status ?? 500, { __type: r.code, message: r.message }, r.code);
  });
  await new Promise<void>((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
