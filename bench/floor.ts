/**
 * The floor a run is measured against: the run's own requests replayed through a bare SDK client
 * on the same transport (`mockReplay`: fetch answered by msw in the replaying process, as the mock
 * target sends; `httpReplay`: a `serve` child). `replayInFreshProcess` runs either in a process of
 * its own, as cold as the run it is compared with: replays in the bench's own process got faster
 * with each one before (the mock's from 14.7 s to 12.2 s over three in a row, http's by up to a
 * tenth), so a floor depended on what the bench had measured before it.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as sdk from '@aws-sdk/client-iotsecuretunneling';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { setupServer } from 'msw/node';
import { referenceHandlers } from '../models/msw.js';
import { createReference } from '../models/reference.js';
import { operationForTarget } from '../specs/index.js';
import { MOCK_ENDPOINT } from '../src/targets/mock.js';
import { commandFor, PLACEHOLDER_CREDENTIALS } from '../src/targets/sdk.js';

/** What a run sent, in order, and the tunnels its reference opened, in order (first-call-probe.mjs). */
export interface Recording {
  requests: { target: string; body: string }[];
  opened: string[];
}

/** A recording as first-call-probe.mjs writes it: `t <target> <length>` and the body, or `open <tunnelId>`. */
export function readRecording(text: string): Recording {
  const recording: Recording = { requests: [], opened: [] };
  let at = 0;
  while (at < text.length) {
    const eol = text.indexOf('\n', at);
    const head = text.slice(at, eol < 0 ? undefined : eol);
    const [kind, value, length] = head.split(' ');
    if (kind === 'open' && value && eol >= 0) {
      recording.opened.push(value);
      at = eol + 1;
    } else if (kind === 't' && value && /^\d+$/.test(length ?? '') && text[eol + 1 + Number(length)] === '\n') {
      recording.requests.push({ target: value, body: text.slice(eol + 1, eol + 1 + Number(length)) });
      at = eol + 1 + Number(length) + 1;
    } else {
      throw new Error(`the recording is not as first-call-probe.mjs writes it at character ${at}: ${JSON.stringify(head.slice(0, 60))}`);
    }
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

const REPLAY = fileURLToPath(new URL('./replay.ts', import.meta.url));

/** The floor of the recording in `recordFile`, replayed by a fresh process (`tsx bench/replay.ts`). */
export function replayInFreshProcess(target: 'mock' | 'http', recordFile: string, endpoint?: string): Promise<number> {
  const args = ['--import', 'tsx', REPLAY, target, recordFile, ...(endpoint ? [endpoint] : [])];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: fileURLToPath(new URL('../', import.meta.url)), timeout: 15 * 60_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      process.stderr.write(stderr);
      const ms = Number(stdout.trim().split('\n').at(-1));
      if (error || !Number.isFinite(ms)) reject(new Error(`the ${target} replay failed: ${error?.message ?? `printed ${JSON.stringify(stdout.slice(-200))}`}`));
      else resolve(ms);
    });
  });
}
