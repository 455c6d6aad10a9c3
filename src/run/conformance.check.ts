/**
 * The vitest entry of a conformance run (started by vitest.ts beside it, never by `npm test`):
 * one test per selected check, in catalogue order, against the target the run config names.
 * Verdicts travel in `task.meta.tc`; the vitest test itself only fails on an internal error.
 */
import { afterAll, inject, test } from 'vitest';
import { allChecks } from '../../suites/check.js';
import { createTarget } from '../targets/index.js';
import { runCheck, type Budget } from './context.js';
import { cleanUp } from './cleanup.js';
import { ledgerPath, ledgerState, readLedger } from './ledger.js';
import './config.js';

const config = inject('tcRun');
for (const module of config.checkModules) await import(/* @vite-ignore */ module);

const target = await createTarget(config.connection);
const budget: Budget = { opened: 0, max: config.maxTunnels };
const selected = new Set(config.selected);

for (const check of allChecks().filter((c) => selected.has(c.id))) {
  test(`${check.id}: ${check.title}`, async ({ task }) => {
    const { outcome, telemetry } = await runCheck(check, target, config, budget);
    task.meta.tc = outcome;
    task.meta.tcTelemetry = telemetry;
  });
}

// Cleaned here, in the process holding the target (for `mock` the only one that can reach it);
// the calling process sweeps the ledger again for whatever an interrupted worker left.
afterAll(async () => {
  const path = ledgerPath(config.reportDir);
  try {
    await cleanUp(target, ledgerState(readLedger(path), config.runId).pending, { path, runId: config.runId });
  } finally {
    await target.close();
  }
});
