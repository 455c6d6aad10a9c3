/**
 * The real-account run of the whole catalogue, sent to the reference on a loopback port with
 * `--endpoint-url`: shared tunnels keep it within the profile's budget, every check runs (only
 * capability skips), the plan's bound holds for what was really opened, a budget below the
 * selection's need stops the run before its first call, and other clients of the same target
 * (churning tunnels, moving its clock) change no verdict.
 */
import { describe, expect, it, vi } from 'vitest';
import { executeRun, exitCodeOf, planConformance, type RunOptions } from '../../src/run/conformance.js';
import { sdkTarget } from '../../src/targets/sdk.js';
import type { Profile } from '../../suites/api.js';
import { main } from '../../src/cli/main.js';
import { awsEndpointPerTest, root, tempDir } from './helpers.js';

const endpoint = awsEndpointPerTest();
const { requests, controlRequests } = endpoint;
const CATALOGUE = `${root}suites/catalogue.ts`;
// The real service's data plane is the region's; the reference's is beside its endpoint.
const awsOptions = (profile: Profile): RunOptions => ({ target: 'aws', endpointUrl: endpoint.url(), dataEndpoint: `${endpoint.url().replace(/^http/, 'ws')}/tunnel`, region: 'us-east-1', profile, seed: 16, checkModules: [CATALOGUE], reportDir: tempDir() });

/**
 * Another client of the same target: opens, closes and deletes tunnels of its own every
 * 100–200 ms until stopped (loopback only, bounded).
 */
function churn(endpoint: string) {
  const client = sdkTarget({ kind: 'http', endpoint });
  let stopped = false;
  const done = (async () => {
    const open: string[] = [];
    for (let i = 0; i < 2_000 && !stopped; i++) {
      const r = await client.call('OpenTunnel', { description: 'another user', destinationConfig: { thingName: 'another-thing', services: ['SSH'] } });
      if (r.ok) open.push(String(r.output.tunnelId));
      if (open.length > 3) await client.call('CloseTunnel', { tunnelId: open.shift()!, delete: i % 2 === 0 });
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 100));
    }
    await client.close();
  })();
  return async () => {
    stopped = true;
    await done;
  };
}

/** Every check passed but those skipped for a capability, and what each opened stays within the plan's bound. */
async function demandEveryCheckWithinPlan(profile: Profile, limit: number) {
  const plan = await planConformance(awsOptions(profile));
  expect(plan.maxTunnels).toBeLessThanOrEqual(limit);
  const result = await executeRun(awsOptions(profile));
  expect(result.errors).toEqual([]);
  expect(exitCodeOf(result)).toBe(0);
  const { report } = result;
  const notPassed = report.checks.filter((c) => c.status !== 'passed').map((c) => [c.id, c.status, c.skipReason]);
  expect(notPassed.sort()).toEqual(plan.checks.filter((c) => c.skip).map((c) => [c.id, 'skipped', c.skip]).sort());
  for (const c of report.checks) expect(c.tunnels, c.id).toBeLessThanOrEqual(plan.checks.find((p) => p.id === c.id)!.tunnels);
  expect(report.resources.opened).toBeLessThanOrEqual(plan.maxTunnels);
  expect(report.resources.opened).toBe(report.checks.reduce((n, c) => n + (c.tunnels ?? 0), 0));
  expect(report.resources.leaked).toEqual([]);
  expect(controlRequests()).toEqual([]);
  return report;
}

describe('the whole catalogue on aws, against the reference', () => {
  it('standard: every check within 10 tunnels, while another client churns tunnels of its own', async () => {
    const stop = churn(endpoint.url());
    try {
      await demandEveryCheckWithinPlan('standard', 10);
    } finally {
      await stop();
    }
  }, 240_000);

  it('quick: every check within 5 tunnels', async () => {
    await demandEveryCheckWithinPlan('quick', 5);
  }, 120_000);

  it('--max-tunnels below the need: exit 2 within 10 s naming the need, and no call', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const started = Date.now();
      // In process: the bound is on the command, not on a cold interpreter's start under a loaded test run.
      expect(await main(['run', '--target', 'aws', '--endpoint-url', endpoint.url(), '--region', 'us-east-1', '--max-tunnels', '3', '--report-dir', tempDir()])).toBe(2);
      expect(Date.now() - started).toBeLessThan(10_000);
      const { maxTunnels } = await planConformance(awsOptions('standard'));
      expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining(`need up to ${maxTunnels} tunnels and --max-tunnels is 3`)]);
      expect(requests()).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  }, 30_000);
});

describe('two runs at once against one target', () => {
  it('both pass, each judging time by the target`s own clock while the other moves it', async () => {
    // The standard profile, as the scenario: each run's time checks move the shared clock for minutes of target time.
    const run = (seed: number) => executeRun({ target: endpoint.url(), profile: 'standard', seed, checkModules: [CATALOGUE], reportDir: tempDir() });
    const results = await Promise.all([run(1), run(2)]);
    for (const r of results) {
      // What the other run does at the same moment (closing tunnels while a limit is set, holding the
      // limit, moving the clock across a boundary) may leave a check not judged: skipped, saying so.
      const unjudgedByTheOther = (reason = '') => /another client|other clients/.test(reason);
      expect(r.report.checks.filter((c) => c.status !== 'passed' && !(c.status === 'skipped' && unjudgedByTheOther(c.skipReason))).map((c) => [c.id, c.failure?.message ?? c.skipReason])).toEqual([]);
      // Each run moves the shared clock by hours: tunnels the other is using end under it (the data-plane
      // checks hold theirs longest). Most checks must still be judged: at most one in ten is not.
      expect(r.report.checks.filter((c) => c.status === 'passed').length).toBeGreaterThanOrEqual(Math.ceil(r.report.checks.length * 0.9));
      expect(exitCodeOf(r)).toBe(0);
    }
  }, 900_000);
});
