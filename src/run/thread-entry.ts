/**
 * The worker thread of a CLI or library run (started by thread.ts): one lane of the run
 * (lanes.ts), taking the selected checks one after another against its own connection to the
 * target the run config names, each verdict posted to the calling process as it comes. A thread of its own because the checks need a module registry of their own (msw
 * patches `fetch` and `http` of the thread it runs in), and the calling process must outlive a
 * worker it tears down. It starts loading the check modules as soon as it is started, while the
 * calling process is still reaching the target, and runs once the config arrives.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { allChecks } from '../../suites/check.js';
import { createTarget } from '../targets/index.js';
import { runShape } from './context.js';
import type { HostMessage, RunConfig, ThreadMessage } from './config.js';
import { laneGate, runLane } from './lanes.js';
import { defineConformanceTests } from './tests.js';

const port = parentPort!;
const post = (message: ThreadMessage) => port.postMessage(message);
const { checkModules } = workerData as { checkModules: string[] };

let cancelled = false;
let configured!: (run: Extract<HostMessage, { type: 'run' }>) => void;
const settled = new Promise<Extract<HostMessage, { type: 'run' }>>((resolve) => (configured = resolve));
port.on('message', (m: HostMessage) => {
  if (m.type === 'run') configured(m);
  else cancelled = true;
});
const loaded = (async () => {
  for (const module of checkModules) await import(/* @vite-ignore */ module);
})();
// Reported once the run starts, like any error outside a check.
loaded.catch(() => {});
const { config, lanes, lane } = await settled;

const firstLine = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0];

const gate = laneGate(lanes, config.selected.length, lane);
const before: (() => Promise<void>)[] = [];
const tests: { id: string; alone: boolean; run: () => Promise<void> }[] = [];
const after: (() => Promise<void>)[] = [];

try {
  await loaded;
  const selected = new Set(config.selected);
  const checks = allChecks().filter((c) => selected.has(c.id));
  const aloneIds = new Set(checks.filter((c) => c.alone !== undefined).map((c) => c.id));
  defineConformanceTests<undefined>(
    {
      beforeAll: (fn) => before.push(fn),
      test: (name, fn) => {
        const id = name.split(':')[0];
        tests.push({ id, alone: aloneIds.has(id), run: () => fn(undefined) });
      },
      afterAll: (fn) => after.push(fn),
    },
    {
      checks,
      shape: runShape(config),
      open: async () => ({ target: await createTarget(config.connection), config }),
      failing: (id, message) => post({ type: 'check-failing', id, message }),
      settle: (outcome, telemetry) => post({ type: 'check-ended', outcome, telemetry }),
    },
  );
  for (const fn of before) await fn();
  await runLane(gate, tests, () => cancelled, async (test) => {
    post({ type: 'check-started', id: test.id });
    const started = performance.now();
    try {
      await test.run();
    } catch (e) {
      post({ type: 'check-broke', id: test.id, message: e instanceof Error ? e.message : String(e), durationMs: performance.now() - started });
    }
  });
} catch (e) {
  post({ type: 'error', message: firstLine(e) });
} finally {
  // The cleanup closes this lane's tunnels: never while a check that counts them has the target to itself.
  const leave = await gate.enter(false);
  for (const fn of after) {
    try {
      await fn();
    } catch (e) {
      post({ type: 'error', message: firstLine(e) });
    }
  }
  leave();
  post({ type: 'done' });
}
