/**
 * What the run holds of an implementation under test: the checks' `call` (suites/api.ts) plus what
 * only the run uses (stats, capability discovery, the control endpoints, closing). `mock`,
 * `http(s)://`, `aws`, `container:` and `module:` all implement it, so they run the same checks.
 */
import type { OperationName } from '../../specs/index.js';
import type { Capabilities, CheckTarget, DataPlane } from '../../suites/api.js';
import type { TargetKind } from './index.js';

/** Derived from the driver registry (./index.ts). */
export type { TargetKind };

export interface CallStats {
  calls: number;
  /** retries after ThrottlingException or 5xx: never failures, but reported */
  retries: number;
  /** per operation latencies in ms, for the report's p50/p95 chart */
  latencies: Partial<Record<OperationName, number[]>>;
}

export interface Target extends Pick<CheckTarget, 'call'> {
  readonly kind: TargetKind;
  /** what the report shows as the endpoint (never a credential) */
  readonly endpoint: string;
  /** Discovered once per run through GET /_conformance/v1/capabilities; all false when absent. */
  capabilities(): Promise<Capabilities>;
  /** Where its data plane is (CONTRACT.md "Data plane"); the checks get it only where capabilities().dataPlane. */
  readonly dataPlane?: DataPlane;
  /** Once capabilities() found no data plane where one was looked for: what answered there, for the skip reason. */
  dataPlaneAbsence?(): string | undefined;
  /** POST /_conformance/v1/clock; only when capabilities().clock. Resolves to the target's new now (epoch s). */
  advanceClock(seconds: number): Promise<number>;
  /** POST /_conformance/v1/limits; only when capabilities().limits. null restores the target's default. */
  setMaxOpenTunnels(max: number | null): Promise<void>;
  readonly stats: CallStats;
  close(): Promise<void>;
}
