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
 * Shrink candidates tried once a failure is found, per profile: the budget that makes shrinking
 * reproducible (the same seed tries the same candidates); the time budget above only caps it
 * against a slow target, where the case reported can then depend on the target's speed.
 */
export const SHRINK_CANDIDATES: Record<Profile, number> = { quick: 300, standard: 1_000, full: 5_000 };

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

/**
 * A replay's path: fast-check's path to the shrunk case and, for a command sequence, after `@`
 * the log of which commands ran that fast-check needs to shrink along that path again (its
 * `replayPath`): without it the replay of a shrunk sequence starts over from the first one.
 */
const COMMAND_LOG = /\/\*replayPath="([^"]*)"\*\//;
const pathParts = (path: string | undefined) => {
  const [fcPath, commandLog] = (path ?? '').split('@');
  return { fcPath: fcPath || undefined, commandLog };
};

/** fast-check's command sequences for a check, replaying a failure's command log when the run replays one. */
export function commandSequences<M extends object, R>(ctx: CheckContext, commands: fc.Arbitrary<fc.AsyncCommand<M, R>>[], maxCommands: number) {
  const { commandLog } = pathParts(ctx.fc.path);
  return fc.commands(commands, { maxCommands, ...(commandLog !== undefined && { replayPath: commandLog }) });
}

export async function assertProperty<T>(ctx: CheckContext, arb: fc.Arbitrary<T>, body: (value: T) => Promise<void>): Promise<void> {
  let firstFailure: number | undefined;
  let shrinkingOver = false;
  let candidates = 0;
  const budget = SHRINK_BUDGET_MS[ctx.profile];
  const property = fc.asyncProperty(arb, async (value) => {
    if (firstFailure !== undefined) {
      shrinkingOver ||= ++candidates > SHRINK_CANDIDATES[ctx.profile] || performance.now() - firstFailure > budget;
      // Ends fast-check's shrinking, which reports the smallest failing case so far: a candidate
      // merely passed would have it build the next, and the next, which for a large value (a
      // 63 KiB payload) costs as much as the value each time, for every element of it.
      if (shrinkingOver) throw new fc.PreconditionFailure(true);
    }
    try {
      await body(value);
    } catch (e) {
      // An interruption while shrinking (the tunnel budget spent, the target throttling) ends the
      // shrinking, not the verdict: the smallest failing case found so far is reported.
      if (e instanceof CheckInterrupted && firstFailure !== undefined) {
        shrinkingOver = true;
        throw new fc.PreconditionFailure(true);
      }
      // A case that cannot be judged (fc.pre) is tried again with another, never a failure.
      if (!(e instanceof CheckInterrupted) && !fc.PreconditionFailure.isFailure(e) && firstFailure === undefined) {
        firstFailure = performance.now();
        ctx.failing(e instanceof Error ? e.message : String(e));
      }
      throw e;
    }
  });
  // With a path (a replay's --path), fast-check starts at the shrunk case instead of searching for
  // it, and reports that case: shrinking it again would go on where the first run's shrink budget
  // stopped and report another, smaller case than the one being replayed.
  const { fcPath } = pathParts(ctx.fc.path);
  const details = await fc.check(property, { seed: ctx.fc.seed, numRuns: ctx.fc.numRuns, endOnFailure: ctx.fc.endOnFailure || fcPath !== undefined, ...(fcPath && { path: fcPath }) });
  if (!details.failed) return;
  const cause = details.errorInstance;
  // A spent budget or a skip raised inside the property is not a counterexample.
  if (cause instanceof CheckInterrupted) throw cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  // A check that names the exact failing piece (one sample of many) says it better than the whole input.
  const own = cause instanceof CheckFailed ? cause : undefined;
  const commandLog = details.counterexamplePath ? COMMAND_LOG.exec(fc.stringify(details.counterexample?.[0]))?.[1] : undefined;
  const path = details.counterexamplePath && (commandLog ? `${details.counterexamplePath}@${commandLog}` : details.counterexamplePath);
  throw new CheckFailed(message, reportable(own?.counterexample ?? details.counterexample?.[0]), path ?? undefined, own?.detail);
}
