/**
 * No access token ever appears in a report or in the console output: the test plays a target
 * that records every token it hands out and, to press the point, quotes a tunnel's source token
 * back as its description, so a failure message would carry it. Then it searches every file
 * the run wrote and everything it printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReference, type Reference } from '../../models/reference.js';
import { startServer, type RunningServer } from '../../models/server.js';
import { spawnTsx, tempDir, type Child } from '../run/helpers.js';

const tokens = new Set<string>();
let server: RunningServer;

/** The reference, plus: remember tokens, and echo the source token as DescribeTunnel's description. */
function leakyReference(): Reference {
  const reference = createReference();
  const sourceToken = new Map<string, string>();
  const handle: Reference['handle'] = (req) => {
    const res = reference.handle(req);
    const op = req.headers['x-amz-target']?.split('.')[1];
    if (res.status !== 200) return res;
    const body = JSON.parse(res.body);
    for (const k of ['sourceAccessToken', 'destinationAccessToken']) if (typeof body[k] === 'string') tokens.add(body[k]);
    if (op === 'OpenTunnel') sourceToken.set(body.tunnelId, body.sourceAccessToken);
    if (op === 'DescribeTunnel' && body.tunnel && sourceToken.has(body.tunnel.tunnelId)) {
      body.tunnel.description = sourceToken.get(body.tunnel.tunnelId);
      return { ...res, body: JSON.stringify(body) };
    }
    return res;
  };
  return { ...reference, handle };
}

beforeAll(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, reference: leakyReference() });
});
let child: Child | undefined;
afterAll(async () => {
  child?.kill('SIGKILL'); // only still running when the test timed out
  await server?.close();
});

describe('no access token leaks', () => {
  it('appears in no report file and no console output, even when the target quotes one back', { timeout: 240_000 }, async () => {
    const dir = tempDir();
    child = spawnTsx(['bin/tunnel-conformance.js', 'run', '--target', server.url, '--profile', 'quick', '--seed', '11', '--report-dir', dir], 240_000);
    const code = await child.code;
    // The quoted token makes OPEN-ROUNDTRIP-001 fail: the path where a token could leak was really taken.
    expect(code, child.stderr()).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const roundtrip = report.checks.find((c: { id: string }) => c.id === 'OPEN-ROUNDTRIP-001');
    expect(roundtrip.status).toBe('failed');
    expect(roundtrip.failure.message).toContain('<redacted>');

    expect(tokens.size).toBeGreaterThan(50);
    const outputs: [string, string][] = [
      ['stdout', child.stdout()],
      ['stderr', child.stderr()],
      ...readdirSync(dir)
        .filter((f) => !f.endsWith('.png'))
        .map((f): [string, string] => [f, readFileSync(join(dir, f), 'utf8')]),
    ];
    expect(outputs.map(([name]) => name)).toEqual(expect.arrayContaining(['report.json', 'junit.xml', 'report.html', 'tunnels.jsonl']));
    for (const [name, text] of outputs) {
      const leaked = [...tokens].filter((t) => text.includes(t));
      expect(leaked.length, `${leaked.length} token(s) in ${name}`).toBe(0);
    }
  });
});
