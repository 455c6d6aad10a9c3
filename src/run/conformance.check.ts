/**
 * The vitest entry of a CLI or library run (started by vitest.ts beside it, never by `npm test`):
 * the selected checks against the target the run config names. Verdicts travel in `task.meta.tc`
 * to the run's reporter; the vitest test itself only fails on an internal error.
 */
import { inject } from 'vitest';
import { allChecks } from '../../suites/check.js';
import { createTarget } from '../targets/index.js';
import { defineConformanceTests } from './tests.js';
import './config.js';

const config = inject('tcRun');
for (const module of config.checkModules) await import(/* @vite-ignore */ module);
const selected = new Set(config.selected);

defineConformanceTests({
  checks: allChecks().filter((c) => selected.has(c.id)),
  open: async () => ({ target: await createTarget(config.connection), config }),
  settle(outcome, telemetry, { task }) {
    task.meta.tc = outcome;
    task.meta.tcTelemetry = telemetry;
  },
});
