/**
 * Nothing left behind, even when a run is cut short: SIGINT cancels the checks but the run still
 * closes what it opened; a run killed outright is swept from its ledger or by its run id. The
 * implementation is a real `tunnel-conformance serve` child process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerPath, ledgerState, readLedger } from '../../src/run/ledger.js';
import { fixture, listTunnels, spawnTsx, tempDir, type Child } from './helpers.js';

const SLOW = fixture('slow-check.ts');
const SLOW_AT_LIMIT = fixture('slow-limit-check.ts');
const children: Child[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

async function serve(): Promise<string> {
  const child = spawnTsx(['bin/tunnel-conformance.js', 'serve', '--port', '0'], 180_000);
  children.push(child);
  for (let i = 0; i < 300; i++) {
    const m = /^listening on (\S+)$/m.exec(child.stdout());
    if (m) return m[1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`serve did not start: ${child.stderr()}`);
}

/** Resolves once the run's ledger lists an opened tunnel (bounded). */
async function tunnelJournaled(reportDir: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const { opened } = ledgerState(readLedger(ledgerPath(reportDir)));
    if (opened.length) return opened[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no tunnel was journaled');
}

const openTunnels = async (url: string) => (await listTunnels(url)).filter((t) => t.status === 'OPEN');

describe('interrupted runs', { timeout: 150_000 }, () => {
  it('SIGINT: the checks stop, the opened tunnel is closed, the report says so, exit 2', async () => {
    const url = await serve();
    const reportDir = tempDir();
    const run = spawnTsx([fixture('cli.ts'), SLOW, '--target', url, '--profile', 'quick', '--seed', '1', '--report-dir', reportDir]);
    children.push(run);
    const tunnelId = await tunnelJournaled(reportDir);
    expect((await openTunnels(url)).map((t) => t.tunnelId)).toEqual([tunnelId]);
    run.kill('SIGINT');
    expect(await run.code).toBe(2);
    expect(run.stderr()).toContain('interrupted');
    expect(await openTunnels(url)).toEqual([]);
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'));
    expect(report.resources).toEqual({ opened: 1, cleanedUp: 1, leaked: [] });
    expect(report.checks[0]).toMatchObject({ id: 'LIFE-TEST-SLOW-001', status: 'skipped' });
  });

  it('SIGINT while the limit is set: the run restores it (null) and closes its tunnel', async () => {
    const url = await serve();
    const reportDir = tempDir();
    const run = spawnTsx([fixture('cli.ts'), SLOW_AT_LIMIT, '--target', url, '--profile', 'quick', '--seed', '1', '--report-dir', reportDir]);
    children.push(run);
    await tunnelJournaled(reportDir);
    const { sdkTarget } = await import('../../src/targets/sdk.js');
    const probe = sdkTarget({ kind: 'http', endpoint: url });
    // Interrupted only once the limit is seen in force (an open before that is refused by nothing and harmless).
    let refused = false;
    for (let i = 0; i < 300 && !refused; i++) {
      const r = await probe.call('OpenTunnel', { description: 'probe' });
      refused = !r.ok && r.code === 'LimitExceededException';
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(refused).toBe(true);
    run.kill('SIGINT');
    expect(await run.code).toBe(2);
    expect((await probe.call('OpenTunnel', { description: 'after' })).ok).toBe(true);
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'));
    expect(report.resources).toEqual({ opened: 1, cleanedUp: 1, leaked: [] });
  });

  it('SIGTERM while the worker thread is starting: no check runs, the report still says so, exit 2', async () => {
    const reportDir = tempDir();
    const run = spawnTsx([fixture('cli.ts'), SLOW, '--target', 'mock', '--profile', 'quick', '--seed', '1', '--report-dir', reportDir]);
    children.push(run);
    // The start line is printed just before the worker thread starts, which takes a few hundred ms.
    for (let i = 0; i < 1200 && !/run id \S+/.test(run.stdout()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(run.stdout()).toMatch(/run id \S+/);
    run.kill('SIGTERM');
    expect(await run.code).toBe(2);
    expect(run.stderr()).toContain('interrupted');
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'));
    expect(report.checks[0]).toMatchObject({ id: 'LIFE-TEST-SLOW-001', status: 'skipped', calls: 0 });
    expect(report.resources).toEqual({ opened: 0, cleanedUp: 0, leaked: [] });
  });

  it('SIGKILL leaves a tunnel; sweep --report-dir closes it from the ledger', async () => {
    const url = await serve();
    const reportDir = tempDir();
    const run = spawnTsx([fixture('cli.ts'), SLOW, '--target', url, '--profile', 'quick', '--report-dir', reportDir]);
    children.push(run);
    await tunnelJournaled(reportDir);
    run.kill('SIGKILL');
    await run.code;
    expect(await openTunnels(url)).toHaveLength(1);
    expect(existsSync(join(reportDir, 'report.json'))).toBe(false);

    const sweep = spawnTsx(['bin/tunnel-conformance.js', 'sweep', '--target', url, '--report-dir', reportDir]);
    expect(await sweep.code).toBe(0);
    expect(sweep.stdout()).toContain('1 found, 1 closed and deleted');
    expect(await openTunnels(url)).toEqual([]);
    expect(ledgerState(readLedger(ledgerPath(reportDir))).pending).toEqual([]);
  });

  it('sweep --run-id finds the run`s tunnels by their tag and leaves other tunnels alone', async () => {
    const url = await serve();
    const reportDir = tempDir();
    const run = spawnTsx([fixture('cli.ts'), SLOW, '--target', url, '--profile', 'quick', '--report-dir', reportDir]);
    children.push(run);
    await tunnelJournaled(reportDir);
    run.kill('SIGKILL');
    await run.code;
    const runId = readLedger(ledgerPath(reportDir))[0].runId;
    // A tunnel of somebody else, without the run's tag:
    const { sdkTarget } = await import('../../src/targets/sdk.js');
    const other = await sdkTarget({ kind: 'http', endpoint: url }).call('OpenTunnel', { description: 'not ours' });
    expect(other.ok).toBe(true);

    const sweep = spawnTsx(['bin/tunnel-conformance.js', 'sweep', '--target', url, '--run-id', runId]);
    expect(await sweep.code).toBe(0);
    expect(sweep.stdout()).toContain('1 found, 1 closed and deleted');
    const left = await openTunnels(url);
    expect(left.map((t) => t.tunnelId)).toEqual([other.ok && other.output.tunnelId]);
  });
});
