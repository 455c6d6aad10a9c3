/**
 * Passing time on a target: through the target-control clock when it has one (CONTRACT.md),
 * by really waiting under `--profile full`, otherwise the check is skipped with the reason.
 * Never a silent pass for a check that did not run.
 */
import type { CheckContext, Profile } from './api.js';

/** Margin past a deadline before a tunnel must show CLOSED. */
export const SETTLE_S = 5;

/** Longest real wait a full-profile check may spend in one step. */
const REAL_WAIT_LIMIT_S = 150;

/**
 * The target's now in epoch seconds: read from its clock where it offers one (an earlier run or
 * another client may have moved it far ahead of ours, CONTRACT.md), else the caller's clock.
 */
export const targetNow = (ctx: CheckContext): Promise<number> => ctx.target.clock?.now() ?? Promise.resolve(Date.now() / 1000);

/** Whether `seconds` can pass on a target: by its clock, or by real waiting where the profile allows it. */
export const timeCanPass = (clock: boolean, profile: Profile, seconds: number): boolean => clock || (profile === 'full' && seconds <= REAL_WAIT_LIMIT_S);

export const canPassTime = (ctx: CheckContext, seconds: number): boolean => timeCanPass(ctx.target.clock !== undefined, ctx.profile, seconds);

/** Why a check needing `seconds` to pass is skipped on a target without clock control. */
export const timeSkipReason = (seconds: number): string =>
  seconds > REAL_WAIT_LIMIT_S
    ? `needs ${Math.round(seconds / 60)} minutes to pass: only possible with the target-control clock (/_conformance/v1/clock)`
    : 'needs time to pass: the target has no clock control (/_conformance/v1/clock); run with --profile full to wait in real time';

export function requireTime(ctx: CheckContext, seconds: number): void {
  if (!canPassTime(ctx, seconds)) ctx.skip(timeSkipReason(seconds));
}

export async function passTime(ctx: CheckContext, seconds: number): Promise<void> {
  requireTime(ctx, seconds);
  if (ctx.target.clock) {
    await ctx.target.clock.advance(seconds);
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}
