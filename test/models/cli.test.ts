/**
 * The AWS CLI v2 (a client nobody here wrote) against a real `tunnel-conformance serve --port 0`
 * child process: every operation, its JSON output and exit status, and the serve lifecycle.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemTool, titled } from '../support/system-tool.js';
import { postJson } from '../support/tunnel-api.js';
import { startServe, type Serve } from './serve-process.js';

/** The first `aws` on PATH that is version 2 (a pyenv shim of CLI v1 may come first). */
function awsCliV2(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const bin = join(dir, 'aws');
    if (!dir || !existsSync(bin)) continue;
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 15_000 });
    if (r.status === 0 && /^aws-cli\/2\./.test(r.stdout)) return bin;
  }
  return undefined;
}
const awsBin = awsCliV2();
const aws = systemTool('AWS CLI v2', [awsBin ?? 'aws-cli-v2-not-on-path', '--version'], 'apt-get install awscli, version 2');

/** CLI v2's exit status for an error the service returned (v1 used 255). */
const SERVICE_ERROR_EXIT = 254;

const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))),
  AWS_ACCESS_KEY_ID: 'AKIDTUNNELCONFORMANCE',
  AWS_SECRET_ACCESS_KEY: 'placeholder',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_PAGER: '',
};

describe.skipIf(!aws.available)(titled('AWS CLI v2 against tunnel-conformance serve', aws), () => {
  let serve: Serve;

  beforeAll(async () => {
    serve = await startServe();
  });
  afterAll(async () => {
    if (serve && serve.child.exitCode === null) {
      serve.child.kill('SIGKILL');
      await serve.exit;
    }
  });

  function cli(...args: string[]) {
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        awsBin!,
        ['iotsecuretunneling', ...args, '--endpoint-url', serve.url, '--region', 'us-east-1', '--output', 'json'],
        { env, timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
      );
    });
  }
  async function ok(...args: string[]): Promise<Record<string, any>> {
    const r = await cli(...args);
    if (r.code !== 0) throw new Error(`aws ${args[0]} exited ${r.code}: ${r.stderr.trim()}`);
    // Operations with an empty output print nothing.
    return r.stdout.trim() ? JSON.parse(r.stdout) : {};
  }

  it('open-tunnel, describe-tunnel and close-tunnel', async () => {
    const opened = await ok(
      'open-tunnel',
      '--description', 'cli',
      '--destination-config', JSON.stringify({ thingName: 'thing-1', services: ['SSH'] }),
      '--timeout-config', 'maxLifetimeTimeoutMinutes=60',
      '--tags', 'key=team,value=qa',
    );
    expect(opened.tunnelArn).toBe(`arn:aws:iot:us-east-1:123456789012:tunnel/${opened.tunnelId}`);
    expect(typeof opened.sourceAccessToken).toBe('string');
    expect(typeof opened.destinationAccessToken).toBe('string');

    const { tunnel } = await ok('describe-tunnel', '--tunnel-id', opened.tunnelId);
    expect(tunnel).toMatchObject({
      tunnelId: opened.tunnelId,
      status: 'OPEN',
      description: 'cli',
      destinationConfig: { thingName: 'thing-1', services: ['SSH'] },
      timeoutConfig: { maxLifetimeTimeoutMinutes: 60 },
      tags: [{ key: 'team', value: 'qa' }],
    });
    // The CLI parsed the epoch-seconds timestamp and printed it as a date it understood.
    expect(Math.abs(Date.parse(tunnel.createdAt) - Date.now())).toBeLessThan(10 * 60_000);

    expect(await ok('close-tunnel', '--tunnel-id', opened.tunnelId)).toEqual({});
    expect((await ok('describe-tunnel', '--tunnel-id', opened.tunnelId)).tunnel.status).toBe('CLOSED');
  });

  it('list-tunnels walks the pages by --next-token, newest first, and filters by --thing-name', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await ok('open-tunnel', '--destination-config', JSON.stringify({ thingName: 'pager', services: ['SSH'] }))).tunnelId);
    const walked: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 5; page++) {
      const out = await ok('list-tunnels', '--thing-name', 'pager', '--max-results', '1', ...(token ? ['--next-token', token] : []));
      walked.push(...out.tunnelSummaries.map((s: { tunnelId: string }) => s.tunnelId));
      token = out.nextToken;
      if (!token) break;
    }
    expect(token).toBeUndefined();
    expect(walked).toEqual([ids[1], ids[0]]);
  });

  it('rotate-tunnel-access-token with DESTINATION returns only the destination token', async () => {
    const { tunnelId, tunnelArn } = await ok('open-tunnel');
    const rotated = await ok('rotate-tunnel-access-token', '--tunnel-id', tunnelId, '--client-mode', 'DESTINATION');
    expect(Object.keys(rotated).sort()).toEqual(['destinationAccessToken', 'tunnelArn']);
    expect(rotated.tunnelArn).toBe(tunnelArn);
  });

  it('tag-resource, untag-resource and list-tags-for-resource', async () => {
    const { tunnelArn } = await ok('open-tunnel');
    expect(await ok('tag-resource', '--resource-arn', tunnelArn, '--tags', 'key=a,value=1', 'key=b,value=2')).toEqual({});
    expect(await ok('untag-resource', '--resource-arn', tunnelArn, '--tag-keys', 'a')).toEqual({});
    expect(await ok('list-tags-for-resource', '--resource-arn', tunnelArn)).toEqual({ tags: [{ key: 'b', value: '2' }] });
  });

  it(`a deleted tunnel is ResourceNotFoundException, exit status ${SERVICE_ERROR_EXIT}`, async () => {
    const { tunnelId } = await ok('open-tunnel');
    await ok('close-tunnel', '--tunnel-id', tunnelId, '--delete');
    const r = await cli('describe-tunnel', '--tunnel-id', tunnelId);
    expect(r.code).toBe(SERVICE_ERROR_EXIT);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('An error occurred (ResourceNotFoundException) when calling the DescribeTunnel operation');
  });

  it('a constraint the CLI does not check itself comes back as a ValidationException naming the member', async () => {
    const r = await cli('open-tunnel', '--timeout-config', 'maxLifetimeTimeoutMinutes=721');
    expect(r.code).toBe(SERVICE_ERROR_EXIT);
    expect(r.stderr).toContain("(ValidationException) when calling the OpenTunnel operation: 1 validation error detected: Value at 'timeoutConfig.maxLifetimeTimeoutMinutes'");
  });

  it('after advancing the clock an hour, a 30-minute tunnel is CLOSED', async () => {
    const { tunnelId } = await ok('open-tunnel', '--timeout-config', 'maxLifetimeTimeoutMinutes=30');
    const res = await postJson(serve.url, '/_conformance/v1/clock', { advanceSeconds: 3600 });
    expect(res.status).toBe(200);
    expect(res.body.now).toBeGreaterThan(Date.now() / 1000 + 3500);
    expect((await ok('describe-tunnel', '--tunnel-id', tunnelId)).tunnel.status).toBe('CLOSED');
  });

  it('SIGTERM ends serve with exit status 0', async () => {
    serve.child.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
    expect(serve.laterLines).toEqual([]);
  });
});
