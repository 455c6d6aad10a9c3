/**
 * `--target aws --endpoint-url URL` (and the SDK's own AWS_ENDPOINT_URL_IOTSECURETUNNELING): the
 * real-account run sent to another endpoint, here the reference on a loopback port. It is judged
 * as AWS would be: the aws budget and runs per property, and never a target-control request, even
 * though this endpoint would answer them. Placeholder credentials stand in for the standard chain.
 */
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { sweepCommand } from '../../src/cli/sweep.js';
import type { RunConfig } from '../../src/run/config.js';
import { executeRun, exitCodeOf } from '../../src/run/conformance.js';
import { replayCommand } from '../../src/run/context.js';
import { parseRunArgs } from '../../src/cli/run-options.js';
import { targetDriver } from '../../src/targets/index.js';
import { awsEndpointPerTest, FIXTURE_CHECKS, tempDir } from './helpers.js';

const endpoint = awsEndpointPerTest();
const { requests, controlRequests } = endpoint;

async function runAws(options: { endpointUrl?: string }) {
  let config: RunConfig | undefined;
  const result = await executeRun({ target: 'aws', region: 'eu-west-1', profile: 'quick', seed: 42, checkModules: [FIXTURE_CHECKS], reportDir: tempDir(), ...options }, (c) => (config = c));
  return { result, config: config! };
}

describe('aws with another endpoint', () => {
  it('--endpoint-url: the real-account run, sent there, asks no control endpoint', async () => {
    const { result, config } = await runAws({ endpointUrl: endpoint.url() });
    expect(result.errors).toEqual([]);
    expect(exitCodeOf(result)).toBe(0);
    expect(requests().length).toBeGreaterThan(0);
    expect(controlRequests()).toEqual([]);
    expect(result.report.target).toEqual({ kind: 'aws', endpoint: `aws --endpoint-url ${endpoint.url()}`, capabilities: { clock: false, reset: false, limits: false, dataPlane: true } });
    const { policy } = targetDriver('aws');
    expect(config).toMatchObject({ numRuns: policy.runsPerProperty.quick, maxTunnels: policy.maxTunnels!.quick });
    expect(result.report.resources).toEqual({ opened: 2, cleanedUp: 2, leaked: [] });
    expect(replayCommand(config, 'LIFE-TEST-OPEN-001')).toContain(`--target aws --endpoint-url ${endpoint.url()} --seed 42`);
  });

  it('AWS_ENDPOINT_URL_IOTSECURETUNNELING: the SDK sends the same run there', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_IOTSECURETUNNELING', endpoint.url());
    const { result } = await runAws({});
    expect(result.errors).toEqual([]);
    expect(requests().length).toBeGreaterThan(0);
    expect(controlRequests()).toEqual([]);
    expect(result.report.target.capabilities).toEqual({ clock: false, reset: false, limits: false, dataPlane: true });
  });

  it('an unreachable --endpoint-url is "could not run"', async () => {
    await expect(runAws({ endpointUrl: 'http://127.0.0.1:1' })).rejects.toThrow('target 127.0.0.1:1 is unreachable');
  });

  it('sweep reaches the same endpoint, and only through the service', async () => {
    const code = await sweepCommand(['--target', 'aws', '--endpoint-url', endpoint.url(), '--region', 'eu-west-1', '--run-id', 'tc-none']);
    expect(code).toBe(0);
    expect(requests().map((r) => r.headers['x-amz-target'] ?? r.headers['X-Amz-Target'])).toContain('IoTSecuredTunneling.ListTunnels');
    expect(controlRequests()).toEqual([]);
  });
});

describe('--endpoint-url on the command line', () => {
  it('is read for aws', () => {
    expect(parseRunArgs(['--target', 'aws', '--endpoint-url', 'https://vpce-1.example.com']).options.endpointUrl).toBe('https://vpce-1.example.com');
  });

  it.each([
    [['--target', 'aws', '--endpoint-url', 'ftp://h:1'], '--endpoint-url must be an http(s) URL'],
    [['--target', 'aws', '--endpoint-url', 'nothing'], '--endpoint-url must be an http(s) URL'],
    [['--target', 'mock', '--endpoint-url', 'http://127.0.0.1:1'], 'apply to aws targets only'],
  ])('rejects %j', (args, reason) => {
    expect(() => parseRunArgs(args)).toThrow(UsageError);
    expect(() => parseRunArgs(args)).toThrow(reason);
  });
});
