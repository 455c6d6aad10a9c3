/**
 * The catalogue as tests: one test per selected check, in run order (runOrder: cheapest first), sharing one target, one
 * tunnel budget, one pool of tunnels and one ledger, with the run's tunnels cleaned up after the
 * last one. Written against the three functions every test runner has, so that the CLI's worker
 * thread (thread-entry.ts, a runner of its own that starts in a fraction of vitest's time) and a
 * user's own vitest run (`tunnel-conformance/vitest`) define the same tests; they differ only in
 * how an outcome becomes a verdict.
 */
import type { CheckDefinition, CheckOutcome } from '../../suites/api.js';
import type { Target } from '../targets/target.js';
import { cleanUp } from './cleanup.js';
import type { CheckTelemetry, RunConfig } from './config.js';
import { runCheck, type Budget } from './context.js';
import { ledgerPath, ledgerState, readLedger } from './ledger.js';
import { runOrder, TunnelPool, type RunShape } from './tunnels.js';
import { targetDriver } from '../targets/index.js';

export interface Session {
  target: Target;
  config: RunConfig;
}

/** What the tests need of a runner: vitest's `beforeAll`, `test` and `afterAll` are one. */
export interface TestApi<Context> {
  beforeAll(fn: () => Promise<void>): void;
  test(name: string, fn: (context: Context) => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
}

export interface ConformanceTests<Context> {
  checks: CheckDefinition[];
  /** What orders the checks (runOrder), known before the target is reached: the tests are defined first. */
  shape: RunShape;
  /** Before the first check: reach the target and settle the run's config. */
  open(): Promise<Session>;
  /** A case of the check has failed and it is shrinking it (the verdict follows in `settle`). */
  failing?(id: string, message: string): void;
  /** How one check's outcome becomes the test's verdict. */
  settle(outcome: CheckOutcome, telemetry: CheckTelemetry, test: Context): void;
  /** After the cleanup: stop what `open` started. */
  close?(): Promise<void>;
}

export function defineConformanceTests<Context>(api: TestApi<Context>, definition: ConformanceTests<Context>): void {
  let session: Session | undefined;
  let pool: TunnelPool | undefined;
  const budget: Budget = { opened: 0 };

  api.beforeAll(async () => {
    session = await definition.open();
    const { config } = session;
    budget.max = config.maxTunnels;
    pool = new TunnelPool({ share: targetDriver(config.connection.kind).policy.shareTunnels !== undefined, runId: config.runId, samples: config.numRuns, seed: config.seed });
  });

  for (const check of runOrder(definition.checks, definition.shape)) {
    api.test(`${check.id}: ${check.title}`, async (context) => {
      if (!session || !pool) throw new Error('the target was not reached');
      const { target, config } = session;
      const { outcome, telemetry, opened } = await runCheck(check, target, config, budget, pool, (message) => definition.failing?.(check.id, message));
      try {
        definition.settle(outcome, telemetry, context);
      } finally {
        // Where no tunnel passes from one check to the next, a check's go as it ends: the target
        // holds fewer for the checks after it, and the lanes clean up side by side instead of
        // one after the other at the end of the run. Shared tunnels go in the cleanup below.
        if (!pool.shared) await cleanUp(target, opened, { path: ledgerPath(config.reportDir), runId: config.runId });
      }
    });
  }

  // Cleaned in the process holding the target (for `mock` the only one that can reach it); the
  // CLI's calling process sweeps the ledger again for whatever an interrupted worker left.
  api.afterAll(async () => {
    try {
      if (!session) return;
      const { target, config } = session;
      const path = ledgerPath(config.reportDir);
      try {
        await cleanUp(target, ledgerState(readLedger(path), [config.runId]).pending, { path, runId: config.runId });
      } finally {
        await target.close();
      }
    } finally {
      await definition.close?.();
    }
  });
}
