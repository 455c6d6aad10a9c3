/**
 * Passing time on a target: through the target-control clock when it has one (CONTRACT.md),
 * by really waiting under `--profile full`, otherwise the check is skipped with the reason.
 * Never a silent pass for a check that did not run.
 */
import type { CheckContext, Profile } from './api.js';

/** SERVICE-FACTS: maxLifetimeTimeoutMinutes defaults to 720. */
const DEFAULT_LIFETIME_MIN = 720;

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

/** `alone` of a check that moves the target's clock (passTime, nextSecond). */
export const MOVES_CLOCK = "moves the target's clock: another check's tunnels would expire under it";

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

/**
 * Whether a tunnel's lifetime has ended by the target's own clock (read now): another client may
 * have moved it far ahead, so a change to CLOSED is then the expiry's, not a call's.
 */
export async function lifeEnded(ctx: CheckContext, t: { createdAt?: number; timeoutConfig?: { maxLifetimeTimeoutMinutes?: number } }): Promise<boolean> {
  if (t.createdAt === undefined) return false;
  return (await targetNow(ctx)) >= t.createdAt + (t.timeoutConfig?.maxLifetimeTimeoutMinutes ?? DEFAULT_LIFETIME_MIN) * 60;
}

/** Reads the target's now before and after `observe`: what it saw was so at some moment within that window. */
export async function bracketed<T>(ctx: CheckContext, observe: () => Promise<T>): Promise<{ value: T; before: number; after: number }> {
  const before = await targetNow(ctx);
  const value = await observe();
  return { value, before, after: await targetNow(ctx) };
}

/** Attempts before a time check that could not be judged (the clock moved across its boundary) gives up. */
export const JUDGE_ATTEMPTS = 3;

/**
 * Runs `attempt` until it could judge (true), at most a few times: another client moving the
 * clock across the boundary each time ends the check skipped, never passed or failed.
 */
export async function untilJudged(ctx: CheckContext, attempt: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < JUDGE_ATTEMPTS; i++) if (await attempt()) return;
  ctx.skip(`not judged: in ${JUDGE_ATTEMPTS} attempts another client moved the target's clock across the boundary the check observes`);
}
