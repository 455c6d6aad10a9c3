/** exitCodeOf: a verdict wins; checks the target throttled out of judgement never make a run green. */
import { describe, expect, it } from 'vitest';
import { exitCodeOf, type RunResult } from '../../src/run/conformance.js';
import { NOT_JUDGED_THROTTLED } from '../../suites/api.js';
import type { Report } from '../../reports/types.js';

const result = (checks: { status: string; skipReason?: string }[], failed = 0): RunResult => ({
  report: { checks, summary: { passed: 0, failed, skipped: 0, expectedFailures: 0 } } as unknown as Report,
  interrupted: false,
  errors: [],
});
const throttled = { status: 'skipped', skipReason: `${NOT_JUDGED_THROTTLED} (ListTunnels answered 400 ThrottlingException after every retry)` };

describe('exitCodeOf', () => {
  it('is 2 when a check was not judged and none failed', () => {
    expect(exitCodeOf(result([{ status: 'passed' }, throttled]))).toBe(2);
  });
  it('is 1 when a check failed, whatever else was not judged', () => {
    expect(exitCodeOf(result([{ status: 'failed' }, throttled], 1))).toBe(1);
  });
  it('is 0 when the only skips are for a missing capability', () => {
    expect(exitCodeOf(result([{ status: 'passed' }, { status: 'skipped', skipReason: 'needs time to pass: the target has no clock control' }]))).toBe(0);
  });
});
