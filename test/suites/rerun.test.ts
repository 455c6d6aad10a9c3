/**
 * A run leaves an emulator changed: its clock hours ahead, tunnels closed, tags and limits used.
 * Another run against the same emulator, and each check replayed on its own (`--only ID`, as a
 * printed replay command runs), must still pass: a check judges by what the target says now
 * (its clock read through the control endpoint), never by what a fresh emulator would say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReference } from '../../models/reference.js';
import { startServer, type RunningServer } from '../../models/server.js';
import { runConformance } from '../../src/index.js';
import { tempDir } from '../run/helpers.js';

const reference = createReference();
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, reference });
});
afterAll(() => server.close());

const run = (seed: number, only?: string) => runConformance({ target: server.url, profile: 'quick', seed, reportDir: tempDir(), ...(only && { only }) });
const notPassed = (report: Awaited<ReturnType<typeof run>>) => report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.status} ${c.failure?.message ?? c.skipReason ?? ''}`);

describe('one emulator, used again and again', () => {
  let ids: string[] = [];

  it('passes a second whole run after the first moved its clock ahead', async () => {
    const first = await run(1);
    expect(notPassed(first)).toEqual([]);
    // The first run's time checks moved the emulator's clock: the second one starts where it left it.
    const aheadS = reference.advanceClock(0) - Date.now() / 1000;
    expect(aheadS).toBeGreaterThan(3600);
    expect(notPassed(await run(2))).toEqual([]);
    ids = first.checks.map((c) => c.id);
  }, 240_000);

  it('passes each check run on its own afterwards, as its replay runs it', async () => {
    expect(ids.length).toBeGreaterThan(40);
    const failed: string[] = [];
    for (const id of ids) failed.push(...notPassed(await run(1, id)));
    expect(failed).toEqual([]);
  }, 600_000);
});
