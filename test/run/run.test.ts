/**
 * The run pipeline end to end, in process, against the reference served over a real socket:
 * verdicts, cleanup, --expect, the tunnel budget and the replay of a failure.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createReference, type Reference } from '../../models/reference.js';
import { startServer, type RunningServer } from '../../models/server.js';
import { executeRun, exitCodeOf, type RunOptions } from '../../src/run/conformance.js';
import { parseRunArgs } from '../../src/cli/run-options.js';
import { fixture, FIXTURE_CHECKS, listTunnels, tempDir } from './helpers.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The reference, except that DescribeTunnel of an unknown id answers 200 {} (a deliberate bug). */
function brokenReference(): Reference {
  const reference = createReference();
  return {
    ...reference,
    handle(req) {
      const res = reference.handle(req);
      const describe = Object.entries(req.headers).some(([k, v]) => k.toLowerCase() === 'x-amz-target' && v.endsWith('.DescribeTunnel'));
      return describe && res.status >= 400 ? { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{}' } : res;
    },
  };
}

const run = (options: RunOptions) => executeRun({ profile: 'quick', seed: 42, checkModules: [FIXTURE_CHECKS], reportDir: tempDir(), ...options });

describe('a run against the in-process mock', () => {
  it('runs the checks against msw in the worker, shows progress lines, and writes all reports', async () => {
    const reportDir = tempDir();
    const lines: string[] = [];
    const result = await run({ target: 'mock', reportDir, progress: { write: (t: string) => lines.push(t), isTTY: false } });
    expect(result.report.target).toEqual({ kind: 'mock', endpoint: 'mock', capabilities: { clock: true, reset: true, limits: true, dataPlane: true } });
    expect(result.report.summary).toEqual({ passed: 3, failed: 0, skipped: 0, expectedFailures: 0 });
    expect(result.report.resources).toEqual({ opened: 2, cleanedUp: 2, leaked: [] });
    // A line per check as it ends, in whatever order the lanes end them; the report keeps catalogue order.
    expect(lines.map((l) => l.split(' (')[0]).sort()).toEqual(['ok   ERR-TEST-UNKNOWN-001', 'ok   LIFE-TEST-OPEN-001', 'ok   LIFE-TEST-SKIP-001']);
    expect(readdirSync(reportDir).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'tunnels.jsonl']);
  });
});

describe('a run against the reference over HTTP', () => {
  it('passes, writes report.json, and leaves no tunnel OPEN', async () => {
    server = await startServer({ port: 0 });
    const reportDir = tempDir();
    const result = await run({ target: server.url, reportDir });
    expect(result.errors).toEqual([]);
    expect(result.report.checks.map((c) => [c.id, c.status])).toEqual([
      ['LIFE-TEST-OPEN-001', 'passed'],
      ['ERR-TEST-UNKNOWN-001', 'passed'],
      ['LIFE-TEST-SKIP-001', 'passed'],
    ]);
    expect(result.report.target).toEqual({ kind: 'http', endpoint: server.url, capabilities: { clock: true, reset: true, limits: true, dataPlane: true } });
    expect(result.report.resources).toEqual({ opened: 2, cleanedUp: 2, leaked: [] });
    expect(result.report.observations).toContainEqual(expect.objectContaining({ id: 'LIFE-TEST-OPEN-001/opened', answer: 2 }));
    expect(result.report.latency?.OpenTunnel?.count).toBe(2);
    expect(exitCodeOf(result)).toBe(0);
    const onDisk = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'));
    expect(onDisk.runId).toBe(result.report.runId);
    expect(onDisk.seed).toBe(42);
    const tunnels = await listTunnels(server.url);
    expect(tunnels.filter((t) => t.status === 'OPEN')).toEqual([]);
  });

  it('reports a failure with a replay command that reproduces it (exit 1)', async () => {
    server = await startServer({ port: 0, reference: brokenReference() });
    const result = await run({ target: server.url, only: 'ERR-TEST-*' });
    const [check] = result.report.checks;
    expect(check).toMatchObject({ id: 'ERR-TEST-UNKNOWN-001', status: 'failed' });
    expect(check.failure?.message).toContain('DescribeTunnel of an unknown id answered 200');
    // A property failure's replay lands on the shrunk case directly: fast-check's path rides along.
    expect(check.failure?.path).toMatch(/^\d+(:\d+)*$/);
    expect(check.failure?.replay).toBe(`tunnel-conformance run --target ${server.url} --seed 42 --only ERR-TEST-UNKNOWN-001 --profile quick --path ${check.failure?.path}`);
    expect(exitCodeOf(result)).toBe(1);

    const replayArgs = check.failure!.replay.split(' ').slice(2);
    const replay = await executeRun({ ...parseRunArgs(replayArgs).options, checkModules: [FIXTURE_CHECKS], reportDir: tempDir() });
    expect(replay.report.checks).toHaveLength(1);
    expect(replay.report.checks[0].failure?.message).toBe(check.failure?.message);
    expect(replay.report.checks[0].failure?.counterexample).toEqual(check.failure?.counterexample);
    expect(replay.report.checks[0].failure?.path).toBe(check.failure?.path);
    expect(replay.report.checks[0].calls, 'the replay starts at the shrunk case, it does not search again').toBeLessThan(check.calls);
  });

  it('turns listed failures into expected failures (exit 0) and reports listed checks that pass', async () => {
    server = await startServer({ port: 0, reference: brokenReference() });
    const expectFile = join(tempDir(), 'expected.yaml');
    writeFileSync(expectFile, '- id: ERR-TEST-UNKNOWN-001\n  reason: our emulator answers 200 {} (issue 12)\n- id: LIFE-TEST-OPEN-001\n  reason: fixed since\n');
    const result = await run({ target: server.url, expect: expectFile });
    const byId = Object.fromEntries(result.report.checks.map((c) => [c.id, c]));
    expect(byId['ERR-TEST-UNKNOWN-001']).toMatchObject({ status: 'expected-failure', expected: 'our emulator answers 200 {} (issue 12)' });
    expect(byId['LIFE-TEST-OPEN-001'].status).toBe('passed');
    expect(result.report.unexpectedPasses).toEqual(['LIFE-TEST-OPEN-001']);
    expect(result.report.summary).toEqual({ passed: 2, failed: 0, skipped: 0, expectedFailures: 1 });
    expect(exitCodeOf(result)).toBe(0);
  });

  it('refuses a budget below what the selection needs before its first call, naming the number needed', async () => {
    const requests: string[] = [];
    const reference = createReference();
    server = await startServer({ port: 0, reference: { ...reference, handle: (req) => (requests.push(req.path), reference.handle(req)) } });
    await expect(run({ target: server.url, maxTunnels: 1, only: 'LIFE-TEST-OPEN-001' })).rejects.toThrow('need up to 2 tunnels and --max-tunnels is 1');
    expect(requests.filter((p) => !p.startsWith('/_conformance/'))).toEqual([]);
  });

  it('a check that runs out of budget mid-run makes the run exit 2 naming it, and what was opened is cleaned up', async () => {
    server = await startServer({ port: 0 });
    const result = await run({ target: server.url, maxTunnels: 1, only: 'LIFE-TEST-GREEDY-001', checkModules: [fixture('greedy-check.ts')] });
    expect(result.report.checks[0]).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('budget of 1'), tunnels: 1 });
    expect(result.errors).toEqual([expect.stringContaining('LIFE-TEST-GREEDY-001')]);
    expect(exitCodeOf(result)).toBe(2);
    expect(result.report.resources).toEqual({ opened: 1, cleanedUp: 1, leaked: [] });
    expect((await listTunnels(server.url)).filter((t) => t.status === 'OPEN')).toEqual([]);
  });
});
