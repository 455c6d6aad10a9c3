/**
 * `runConformance` with a client object and `--target module:PATH`: SDK-level implementations
 * reach the checks through the loopback client bridge.
 */
import { IoTSecureTunnelingClient } from '@aws-sdk/client-iotsecuretunneling';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../src/index.js';
import { executeRun } from '../../src/run/conformance.js';
import { fixture, tempDir } from './helpers.js';

describe('SDK-level implementations', () => {
  it('runs the catalogue`s checks against an aws-sdk-client-mock client handed to runConformance', async () => {
    const { default: fakeClient } = await import('./fixtures/fake-client.js');
    const client = fakeClient();
    const report = await runConformance({ client, profile: 'quick', seed: 3, only: 'ERR-NOT-FOUND-001', reportDir: tempDir() });
    expect(report.target.kind).toBe('module');
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['ERR-NOT-FOUND-001', 'passed']]);
    expect(report.checks[0].calls).toBeGreaterThan(0);
  });

  it('fails the check when the client answers a missing tunnel with success', async () => {
    const client = new IoTSecureTunnelingClient({ region: 'us-east-1' });
    const fake = mockClient(client);
    fake.resolves({});
    const report = await runConformance({ client, profile: 'quick', seed: 3, only: 'ERR-NOT-FOUND-001', reportDir: tempDir() });
    expect(report.checks[0].status).toBe('failed');
    expect(report.checks[0].failure?.message).toMatch(/^(DescribeTunnel|CloseTunnel|RotateTunnelAccessToken) of an unknown tunnel answered 200/);
    // No command line reaches a client object: the replay is the library call with the same seed, and the shrunk case's path.
    expect(report.checks[0].failure?.replay).toBe(`runConformance({ client, seed: 3, only: 'ERR-NOT-FOUND-001', profile: 'quick', path: '${report.checks[0].failure?.path}' })`);
    const replayed = await runConformance({ client, profile: 'quick', seed: 3, only: 'ERR-NOT-FOUND-001', path: report.checks[0].failure?.path, reportDir: tempDir() });
    expect(replayed.checks[0].failure?.counterexample).toEqual(report.checks[0].failure?.counterexample);
  });

  it('is importable by the package name, as docs/usage.md shows', async () => {
    const byName = await import('tunnel-conformance');
    expect(byName.runConformance).toBe(runConformance);
  });

  it('loads a module: target`s default export', async () => {
    const result = await executeRun({ target: `module:${fixture('fake-client.ts')}`, profile: 'quick', seed: 3, only: 'ERR-NOT-FOUND-001', reportDir: tempDir() });
    expect(result.report.target.endpoint).toBe(`module:${fixture('fake-client.ts')}`);
    expect(result.report.checks[0].status).toBe('passed');
  });
});
