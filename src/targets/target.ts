/**
 * One interface for every implementation under test. Checks talk to a Target, never to an SDK
 * client or a URL, so `mock`, `http(s)://`, `aws`, `container:` and `module:` targets run the
 * same checks.
 *
 * Inputs and outputs are in wire form (the JSON of awsJson1_1: timestamps are epoch seconds),
 * because that is what the derived schemas describe and what output validation needs.
 */
import type { OperationName } from '../../specs/index.js';
import type { TargetKind } from './index.js';

/** Derived from the driver registry (./index.ts). */
export type { TargetKind };

export type CallResult =
  | {
      ok: true;
      /** HTTP status when the target has an HTTP layer, else 200 */
      status: number;
      /** the response body as the target sent it (wire form) */
      output: Record<string, unknown>;
    }
  | {
      ok: false;
      /** HTTP status; undefined when the failure never reached HTTP (connection refused, timeout) */
      status: number | undefined;
      /** `__type` / `x-amzn-errortype` with any `prefix#` and `:suffix` removed, or a transport code (`NetworkError`) */
      code: string;
      message: string;
    };

export interface Capabilities {
  clock: boolean;
  reset: boolean;
}

export interface CallStats {
  calls: number;
  /** retries after ThrottlingException or 5xx: never failures, but reported */
  retries: number;
  /** per operation latencies in ms, for the report's p50/p95 chart */
  latencies: Partial<Record<OperationName, number[]>>;
}

export interface Target {
  readonly kind: TargetKind;
  /** what the report shows as the endpoint (never a credential) */
  readonly endpoint: string;
  /** Sends one operation, retrying throttling and 5xx with backoff within a bounded time. */
  call(op: OperationName, input: Record<string, unknown>): Promise<CallResult>;
  /** Discovered once per run through GET /_conformance/v1/capabilities; all false when absent. */
  capabilities(): Promise<Capabilities>;
  /** POST /_conformance/v1/clock; only when capabilities().clock. Resolves to the target's new now (epoch s). */
  advanceClock(seconds: number): Promise<number>;
  readonly stats: CallStats;
  close(): Promise<void>;
}
