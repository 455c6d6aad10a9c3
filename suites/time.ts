/**
 * Passing time on a target: through the target-control clock when it has one (CONTRACT.md),
 * by really waiting under `--profile full`, otherwise the check is skipped with the reason.
 * Never a silent pass for a check that did not run.
 */
import type { CheckContext } from './api.js';

/** Margin past a deadline before a tunnel must show CLOSED. */
export const SETTLE_S = 5;

/** Longest real wait a full-profile check may spend in one step. */
const REAL_WAIT_LIMIT_S = 150;

/**
 * The target's now in epoch seconds: read from its clock where it offers one (an earlier run or
 * another client may have moved it far ahead of ours, CONTRACT.md), else the caller's clock.
 */
export const targetNow = (ctx: CheckContext): Promise<number> => ctx.target.clock?.now() ?? Promise.resolve(Date.now() / 1000);

export function canPassTime(ctx: CheckContext, seconds: number): boolean {
  return ctx.target.clock !== undefined || (ctx.profile === 'full' && seconds <= REAL_WAIT_LIMIT_S);
}

export function requireTime(ctx: CheckContext, seconds: number): void {
  if (canPassTime(ctx, seconds)) return;
  ctx.skip(
    seconds > REAL_WAIT_LIMIT_S
      ? `needs ${Math.round(seconds / 60)} minutes to pass: only possible with the target-control clock (/_conformance/v1/clock)`
      : 'needs time to pass: the target has no clock control (/_conformance/v1/clock); run with --profile full to wait in real time',
  );
}

export async function passTime(ctx: CheckContext, seconds: number): Promise<void> {
  requireTime(ctx, seconds);
  if (ctx.target.clock) {
    await ctx.target.clock.advance(seconds);
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

/** Real time that surely moves a whole-second timestamp on. */
const NEXT_SECOND_MS = 1_100;

/**
 * Moves the target's now past the next whole second, so that what is created afterwards has a
 * later createdAt even at second precision (a freedom): through the clock control, else by
 * really waiting about a second, which a caller keeps to a few times per check.
 */
export async function nextSecond(ctx: CheckContext): Promise<void> {
  if (ctx.target.clock) await ctx.target.clock.advance(1);
  else await new Promise((resolve) => setTimeout(resolve, NEXT_SECOND_MS));
}
