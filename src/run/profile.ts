/**
 * Profiles scale the work: how many fast-check runs per property each target kind gets for a
 * profile is its driver's policy (src/targets/policy.ts).
 */
import type { Profile } from '../../suites/api.js';

export const profiles: readonly Profile[] = ['quick', 'standard', 'full'];
