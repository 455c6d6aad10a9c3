/**
 * How hard a run may push a target and how long it waits for it. What separates an emulator on
 * this machine from a real account (billed per tunnel, rate limited, eventually consistent, with
 * no target-control endpoints) is data here, read by the run, never a branch on a target kind.
 */
import type { Profile } from '../../suites/api.js';

export interface TargetPolicy {
  /**
   * Real-account rules: requests are signed with the standard AWS credential chain (elsewhere
   * with placeholder credentials an emulator accepts), and the target-control endpoints are
   * never asked: the real service has none, and each question would cost a request.
   */
  realAccount: boolean;
  /** tunnels a run may open unless --max-tunnels says otherwise; undefined: no limit */
  maxTunnels?: Record<Profile, number>;
  /**
   * Tunnels are billed: the checks share the run's tunnels (suites/api.ts `CheckTunnels`), and a
   * check that ends tunnels runs `consumingRuns` times, each ending one. Undefined: every
   * request for a tunnel opens one, for the strongest properties.
   */
  shareTunnels?: { consumingRuns: Record<Profile, number> };
  /** fast-check runs per property */
  runsPerProperty: Record<Profile, number>;
  /**
   * The read-after-write window `ctx.eventually` polls within (SERVICE-FACTS: consistency is
   * UNKNOWN). An emulator on this machine that has not converged within seconds is as good as
   * never, and a short window keeps fault detection fast.
   */
  eventually: { totalMs: number; polls: number };
  /** rough time per call for the --plan estimate, ms */
  callMs: number;
  /**
   * Worker threads that may run checks side by side against the target (src/run/lanes.ts), at
   * most one per core. 1: a real account's tunnels are billed and shared among the checks of one
   * thread, and its requests are rate limited.
   */
  lanes: number;
}

/** An implementation the suite may push hard and ask for its controls. */
export const EMULATOR: Omit<TargetPolicy, 'callMs'> = {
  realAccount: false,
  runsPerProperty: { quick: 5, standard: 50, full: 200 },
  eventually: { totalMs: 2_000, polls: 40 },
  // Each lane holds its own copy of the checks and, for an in-process target, of the
  // implementation (about 200 MB); beyond two, an emulator on the same machine competes with the
  // lanes for the cores it answers them with.
  lanes: 2,
};

/** The real service, or anything that should be judged exactly as it would be. */
export const REAL_ACCOUNT: Omit<TargetPolicy, 'callMs'> = {
  realAccount: true,
  // What the whole catalogue needs with shared tunnels (docs/usage.md prices it): a selection
  // needing more is refused before the first call, never half run.
  maxTunnels: { quick: 5, standard: 10, full: 30 },
  shareTunnels: { consumingRuns: { quick: 1, standard: 2, full: 3 } },
  runsPerProperty: { quick: 1, standard: 3, full: 10 },
  eventually: { totalMs: 30_000, polls: 60 },
  lanes: 1,
};
