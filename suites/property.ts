/**
 * Runs a fast-check property for a check and turns a failure into a CheckFailed carrying what
 * the report needs: the shrunk counterexample, the seed and path that replay it.
 */
import fc from 'fast-check';
import { CheckInterrupted, type CheckContext } from './check.js';

export class CheckFailed extends Error {
  constructor(
    message: string,
    readonly counterexample: unknown,
    readonly path?: string,
  ) {
    super(message);
  }
}

/**
 * Time shrinking may take once a failure is found. Against a slow target (or a fault that makes
 * every case wait out the read-after-write window) shrinking could otherwise run for many
 * minutes; past the budget, further shrink candidates are not tried and the smallest failing
 * case found so far is reported. The replay is unaffected: the same seed reaches the same case.
 */
export const SHRINK_BUDGET_MS = 20_000;

export async function assertProperty<T>(ctx: CheckContext, arb: fc.Arbitrary<T>, body: (value: T) => Promise<void>): Promise<void> {
  let firstFailure: number | undefined;
  const property = fc.asyncProperty(arb, async (value) => {
    if (firstFailure !== undefined && performance.now() - firstFailure > SHRINK_BUDGET_MS) return;
    try {
      await body(value);
    } catch (e) {
      if (!(e instanceof CheckInterrupted)) firstFailure ??= performance.now();
      throw e;
    }
  });
  const details = await fc.check(property, { seed: ctx.fc.seed, numRuns: ctx.fc.numRuns, endOnFailure: ctx.fc.endOnFailure });
  if (!details.failed) return;
  const cause = details.errorInstance;
  // A spent budget or a skip raised inside the property is not a counterexample.
  if (cause instanceof CheckInterrupted) throw cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  throw new CheckFailed(message, details.counterexample?.[0], details.counterexamplePath ?? undefined);
}
