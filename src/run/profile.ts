/**
 * Profiles scale the work: fast-check runs per property, and the read-after-write window.
 * The real service is billed per tunnel and rate limited, so `aws` runs far fewer cases.
 */
import type { Profile } from '../../suites/api.js';
import type { TargetKind } from '../targets/target.js';

export const profiles: readonly Profile[] = ['quick', 'standard', 'full'];

const runs: Record<Profile, { local: number; aws: number }> = {
  quick: { local: 5, aws: 1 },
  standard: { local: 50, aws: 3 },
  full: { local: 200, aws: 10 },
};

export const runsPerProperty = (profile: Profile, kind: TargetKind) => runs[profile][kind === 'aws' ? 'aws' : 'local'];

/** Rough time per call for the plan's estimate, in ms. */
const callMs: Record<TargetKind, number> = { mock: 1, module: 1, http: 5, container: 5, aws: 150 };

export const estimateMs = (calls: number, kind: TargetKind) => calls * callMs[kind];

/**
 * The read-after-write window `ctx.eventually` polls within (SERVICE-FACTS: consistency is
 * UNKNOWN). The real service gets a generous window; an emulator on this machine that has not
 * converged within seconds is as good as never, and a short window keeps fault detection fast.
 */
export const eventuallyWindow = (kind: TargetKind) => (kind === 'aws' ? { totalMs: 30_000, polls: 60 } : { totalMs: 5_000, polls: 50 });
