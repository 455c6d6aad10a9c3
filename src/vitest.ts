/**
 * `tunnel-conformance/vitest`: the catalogue as tests inside a user's own vitest run, with their
 * config and reporters, against their target or client object:
 *
 *   import { conformanceSuite } from 'tunnel-conformance/vitest';
 *   conformanceSuite({ client: myFakeClient, profile: 'quick' });
 *
 * The CLI defines its tests through the same `defineConformanceTests`; here a failed check fails
 * its test (with the replay and the counterexample in the message), a skipped one is skipped, and
 * one the tunnel budget left unrun fails.
 */
import { afterAll, beforeAll, describe, test, type TestContext } from 'vitest';
import type { CheckOutcome } from '../suites/api.js';
import { allChecks } from '../suites/check.js';
import '../suites/catalogue.js';
import { DEFAULT_REPORT_DIR, demandBudget, resolveRun, runConfig, type RunOptions } from './run/conformance.js';
import { defineConformanceTests } from './run/tests.js';
import type { Session } from './targets/driver.js';
import { createTarget, targetDriver } from './targets/index.js';

/** `runConformance`'s options, less what belongs to the CLI's own reporting. */
export type SuiteOptions = Omit<RunOptions, 'progress' | 'signal' | 'expect' | 'checkModules'>;

/** A failed check, as the test's error: what broke, how to replay it, the smallest input that shows it. */
export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}

export function settleInVitest(outcome: CheckOutcome, _telemetry: unknown, test: TestContext): void {
  // Never green by not running: a check the budget left unrun fails its test; a capability skip is a skip.
  if (outcome.outOfBudget) throw new ConformanceFailure(`could not run: ${outcome.skipReason}`);
  if (outcome.status === 'skipped') test.skip(outcome.skipReason);
  if (outcome.status !== 'failed' || !outcome.failure) return;
  const { message, replay, counterexample } = outcome.failure;
  const lines = [message, `replay: ${replay}`];
  if (counterexample !== null && counterexample !== undefined) lines.push(`counterexample: ${JSON.stringify(counterexample)}`);
  throw new ConformanceFailure(lines.join('\n'));
}

/** Defines one vitest test per selected check, in a describe block named after the target. */
export function conformanceSuite(options: SuiteOptions = {}): void {
  const resolved = resolveRun(options, allChecks());
  const reportDir = options.reportDir ?? DEFAULT_REPORT_DIR;
  let session: Session | undefined;
  describe(`tunnel-conformance against ${resolved.targetText}`, () => {
    const driver = targetDriver(resolved.spec.kind);
    defineConformanceTests<TestContext>({ beforeAll, test, afterAll }, {
      checks: resolved.checks,
      // The target's clock is known only once it is reached; the order needs it only where tunnels are shared (aws), which has none.
      shape: { share: driver.policy.shareTunnels, profile: resolved.profile, numRuns: resolved.numRuns, clock: driver.offers?.clock ?? false },
      async open() {
        session = await targetDriver(resolved.spec.kind).connect(resolved.spec, { ...options, reportDir });
        const capabilities = await session.capabilities();
        demandBudget(resolved, session.connection.kind, capabilities);
        const config = runConfig(resolved, session.connection, capabilities, options.seed, reportDir);
        return { target: await createTarget(session.connection), config };
      },
      settle: settleInVitest,
      close: async () => session?.close(),
    });
  });
}
