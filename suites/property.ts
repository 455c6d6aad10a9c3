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

export async function assertProperty<T>(ctx: CheckContext, arb: fc.Arbitrary<T>, body: (value: T) => Promise<void>): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arb, body), { seed: ctx.fc.seed, numRuns: ctx.fc.numRuns, endOnFailure: ctx.fc.endOnFailure });
  if (!details.failed) return;
  const cause = details.errorInstance;
  // A spent budget or a skip raised inside the property is not a counterexample.
  if (cause instanceof CheckInterrupted) throw cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  throw new CheckFailed(message, details.counterexample?.[0], details.counterexamplePath ?? undefined);
}
