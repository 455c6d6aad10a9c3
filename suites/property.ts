/**
 * Runs a fast-check property for a check and turns a failure into a CheckFailed carrying what
 * the report needs: the shrunk counterexample, the seed and path that replay it.
 */
import fc from 'fast-check';
import { CheckFailed, CheckInterrupted, type CheckContext, type Profile } from './api.js';

/**
 * Time shrinking may take once a failure is found, per profile. Against a slow target (or a
 * fault that makes every case wait out the read-after-write window) shrinking could otherwise
 * run for many minutes; past the budget, further shrink candidates are not tried and the
 * smallest failing case found so far is reported. The replay is unaffected: the same seed
 * reaches the same case.
 */
export const SHRINK_BUDGET_MS: Record<Profile, number> = { quick: 3_000, standard: 20_000, full: 60_000 };

/**
 * The counterexample as report data: plain values as they are; anything that cannot travel from
 * the worker (a fast-check command sequence carries functions) as fast-check's own rendering.
 */
function reportable(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return fc.stringify(value);
  }
}

export async function assertProperty<T>(ctx: CheckContext, arb: fc.Arbitrary<T>, body: (value: T) => Promise<void>): Promise<void> {
  let firstFailure: number | undefined;
  const budget = SHRINK_BUDGET_MS[ctx.profile];
  const property = fc.asyncProperty(arb, async (value) => {
    if (firstFailure !== undefined && performance.now() - firstFailure > budget) return;
    try {
      await body(value);
    } catch (e) {
      // A case that cannot be judged (fc.pre) is tried again with another, never a failure.
      if (!(e instanceof CheckInterrupted) && !fc.PreconditionFailure.isFailure(e)) firstFailure ??= performance.now();
      throw e;
    }
  });
  const details = await fc.check(property, { seed: ctx.fc.seed, numRuns: ctx.fc.numRuns, endOnFailure: ctx.fc.endOnFailure });
  if (!details.failed) return;
  const cause = details.errorInstance;
  // A spent budget or a skip raised inside the property is not a counterexample.
  if (cause instanceof CheckInterrupted) throw cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  // A check that names the exact failing piece (one sample of many) says it better than the whole input.
  const own = cause instanceof CheckFailed ? cause : undefined;
  throw new CheckFailed(message, reportable(own?.counterexample ?? details.counterexample?.[0]), details.counterexamplePath ?? undefined, own?.detail);
}
