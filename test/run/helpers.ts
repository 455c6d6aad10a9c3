/** Shared by the run pipeline tests: the reference over HTTP, its tunnels, and child processes. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, vi } from 'vitest';
import { createReference } from '../../models/reference.js';
import { startServer, type RunningServer } from '../../models/server.js';
import type { WireRequest } from '../../models/wire.js';
import { sdkTarget } from '../../src/targets/sdk.js';
import { tempDir as makeTempDir } from '../support/temp.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (name: string) => join(root, 'test/run/fixtures', name);
export const FIXTURE_CHECKS = fixture('checks.ts');
export const tempDir = () => makeTempDir('tc-run-');

/** Every tunnel an endpoint lists, with its status (bounded pages). */
export async function listTunnels(endpoint: string) {
  const t = sdkTarget({ kind: 'http', endpoint });
  const all: { tunnelId: string; status: string }[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 50; page++) {
    const r = await t.call('ListTunnels', nextToken ? { nextToken } : {});
    if (!r.ok) throw new Error(`ListTunnels: ${r.code}`);
    all.push(...((r.output.tunnelSummaries ?? []) as { tunnelId: string; status: string }[]));
    nextToken = r.output.nextToken as string | undefined;
    if (!nextToken) break;
  }
  await t.close();
  return all;
}

export interface Child {
  code: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  kill(signal: NodeJS.Signals): void;
}

/** Runs a command under tsx (bounded by `timeoutMs`). */
export function spawnTsx(args: string[], timeoutMs = 120_000): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, CI: '1' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return {
    code: new Promise((resolve) => child.on('close', (c) => (clearTimeout(timer), resolve(c)))),
    stdout: () => out,
    stderr: () => err,
    kill: (s) => child.kill(s),
  };
}

/**
 * For the tests of a real-account run sent to another endpoint: before each test the reference on
 * a loopback port, recording every request it gets, and placeholder credentials in the environment
 * instead of anything of this machine's AWS configuration; after it, both undone.
 */
export function awsEndpointPerTest() {
  let server: RunningServer;
  let requests: WireRequest[] = [];
  beforeEach(async () => {
    requests = [];
    const reference = createReference();
    server = await startServer({ port: 0, reference: { ...reference, handle: (req) => (requests.push(req), reference.handle(req)) } });
    for (const name of ['AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IOTSECURETUNNELING']) vi.stubEnv(name, undefined);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'x');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'y');
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await server.close();
  });
  return {
    url: () => server.url,
    requests: () => requests,
    /** what reached the target-control endpoints: a real-account run sends nothing there */
    controlRequests: () => requests.filter((r) => r.path.startsWith('/_conformance/')),
  };
}
