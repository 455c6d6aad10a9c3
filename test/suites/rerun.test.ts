/**
 * A run leaves an emulator changed: its clock hours ahead, tunnels closed, tags and limits used.
 * Another run against the same emulator, and each check replayed on its own (`--only ID`, as a
 * printed replay command runs), must still pass: a check judges by what the target says now
 * (its clock read through the control endpoint), never by what a fresh emulator would say.
 * About fifty quick runs: the replay of every check is the promise a user acts on, and a check
 * that passes in a full run but fails alone only shows when each is run alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReference } from '../../models/reference.js';
import { startServer, type RunningServer } from '../../models/server.js';
import { runConformance } from '../../src/index.js';
import { allChecks } from '../../suites/catalogue.js';
import { tempDir } from '../run/helpers.js';

const reference = createReference();
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, reference });
});
afterAll(() => server.close());

const run = (seed: number, only?: string) => runConformance({ target: server.url, profile: 'quick', seed, reportDir: tempDir(), ...(only && { only }) });
const notPassed = (report: Awaited<ReturnType<typeof run>>) => report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.status} ${c.failure?.message ?? c.skipReason ?? ''}`);

// In order: the second test uses the emulator as the first left it.
describe('one emulator, used again and again', () => {
  it('passes a second whole run after the first moved its clock ahead', async () => {
    const first = await run(1);
    expect(notPassed(first)).toEqual([]);
    // The first run's time checks moved the emulator's clock: the second one starts where it left it.
    const aheadS = reference.advanceClock(0) - Date.now() / 1000;
    expect(aheadS).toBeGreaterThan(3600);
    expect(first.checks.map((c) => c.id).sort()).toEqual(allChecks().map((c) => c.id).sort());
    expect(notPassed(await run(2))).toEqual([]);
  }, 240_000);

  it('passes each check run on its own afterwards, as its replay runs it', async () => {
    const failed: string[] = [];
    for (const { id } of allChecks()) {
      const alone = await run(1, id);
      expect(alone.checks.map((c) => c.id)).toEqual([id]);
      failed.push(...notPassed(alone));
    }
    expect(failed).toEqual([]);
  }, 600_000);
});
