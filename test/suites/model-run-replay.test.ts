/**
 * A shrunk command sequence replays as reported: the path a MODEL-RUN-001 failure prints carries
 * fast-check's command log, so the replay lands on the same sequence instead of starting over.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { serveVariant, variantNamed } from '../../models/variants/index.js';
import { parseRunArgs } from '../../src/cli/run-options.js';
import { executeRun } from '../../src/run/conformance.js';
import { tempDir } from '../support/temp.js';

/** What differs between two runs of the same case: the run id, the sequence number, the tunnel ids. */
const sameCase = (counterexample: unknown) =>
  JSON.stringify(counterexample)
    .replace(/tc-\d{14}-[a-z0-9]+/g, 'RUN')
    .replace(/-s\d+\b/g, '-sN')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');

describe('MODEL-RUN-001 replay', { timeout: 240_000 }, () => {
  const served = serveVariant(variantNamed('list-ignores-thing-filter'));
  afterAll(async () => (await served).close());

  it('lands on the reported sequence directly: same path, same steps, no search', async () => {
    const server = await served;
    const first = (await executeRun({ target: server.url, only: 'MODEL-RUN-001', profile: 'quick', seed: 1, reportDir: tempDir() })).report.checks[0];
    expect(first.status).toBe('failed');
    expect(first.failure?.path).toMatch(/^\d+(:\d+)*@[A-Za-z0-9+/]*:[A-Za-z0-9+/]*$/);
    const args = first.failure!.replay.split(' ').slice(2);
    const replayed = (await executeRun({ ...parseRunArgs(args).options, reportDir: tempDir() })).report.checks[0];
    expect(replayed.status).toBe('failed');
    expect(replayed.failure?.path).toBe(first.failure?.path);
    expect(sameCase(replayed.failure?.counterexample)).toBe(sameCase(first.failure?.counterexample));
    expect(replayed.calls, 'one sequence, not the search and the shrinking').toBeLessThan(first.calls);
  });
});
