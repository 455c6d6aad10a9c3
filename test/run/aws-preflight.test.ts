/**
 * `--target aws` without credentials or region is "could not run", found before any call. The
 * environment points every source of the standard chain at nothing (and disables the instance
 * metadata service) so that no request leaves the machine.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { executeRun } from '../../src/run/conformance.js';
import { FIXTURE_CHECKS, tempDir } from './helpers.js';

beforeEach(() => {
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI']) {
    vi.stubEnv(name, undefined);
  }
  const nowhere = tempDir();
  vi.stubEnv('AWS_CONFIG_FILE', `${nowhere}/config`);
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', `${nowhere}/credentials`);
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const run = (region?: string) => executeRun({ target: 'aws', region, profile: 'quick', checkModules: [FIXTURE_CHECKS], reportDir: tempDir() });

describe('aws preflight', () => {
  it('refuses to run without a region', async () => {
    await expect(run()).rejects.toThrow('no AWS region: pass --region or set AWS_REGION');
  });

  it('refuses to run without credentials from the standard chain', async () => {
    await expect(run('eu-west-1')).rejects.toThrow(/^no AWS credentials from the standard chain/);
  });
});
