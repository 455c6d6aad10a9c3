/**
 * The quota checks (LIMIT-*) of the catalogue, run end to end against the reference over a real
 * socket, with and without the limits control. Its own file: importing the catalogue registers
 * every check in this process, which the fixture runs of run.test.ts must not see.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createReference, type Reference } from '../../models/reference.js';
import { startServer, type RunningServer } from '../../models/server.js';
import { executeRun, exitCodeOf, type RunOptions } from '../../src/run/conformance.js';
import { tempDir } from './helpers.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const run = (options: RunOptions) => executeRun({ profile: 'quick', seed: 42, reportDir: tempDir(), only: 'LIMIT-*', ...options });

/** The reference without the control endpoints, as many emulators are. */
function uncontrolledReference(): Reference {
  const reference = createReference();
  return {
    ...reference,
    handle: (req) =>
      req.path.startsWith('/_conformance/') ? { status: 404, headers: { 'content-type': 'application/json' }, body: '{}' } : reference.handle(req),
  };
}

describe('the quota checks (LIMIT-*) over HTTP', () => {
  it('pass against the reference, and leave its limit restored', async () => {
    const reference = createReference();
    server = await startServer({ port: 0, reference });
    const result = await run({ target: server.url });
    expect(result.report.checks.map((c) => [c.id, c.status])).toEqual([
      ['LIMIT-OPEN-001', 'passed'],
      ['LIMIT-SERVICES-001', 'passed'],
      ['LIMIT-TAGS-001', 'passed'],
    ]);
    expect(exitCodeOf(result)).toBe(0);
    // No limit left behind: many more tunnels than the check's limits allowed still open.
    for (let i = 0; i < 20; i++) expect(reference.service().call('OpenTunnel', {}).ok).toBe(true);
  });

  it('skip the limit check with its reason on a target without the control, run the others, exit 0', async () => {
    server = await startServer({ port: 0, reference: uncontrolledReference() });
    const result = await run({ target: server.url });
    expect(result.report.checks.map((c) => [c.id, c.status, c.skipReason])).toEqual([
      ['LIMIT-OPEN-001', 'skipped', 'no limits control'],
      ['LIMIT-SERVICES-001', 'passed', undefined],
      ['LIMIT-TAGS-001', 'passed', undefined],
    ]);
    expect(exitCodeOf(result)).toBe(0);
  });
});
