/**
 * The `Report` a run hands to the writers: report.json exactly as CONTRACT.md shows it, plus
 * optional fields the HTML needs. `reports/report.schema.json` describes the same value; a test
 * checks a full fixture against it so the two cannot drift apart.
 */
import type { OperationName } from '../specs/index.js';
import type { Capabilities, CheckDefinition, CheckFailure, CheckStatus, Level, Observation, Profile } from '../suites/api.js';

export type { CheckFailure, CheckStatus, Level, Observation, Profile };

export interface LatencySummary {
  /** milliseconds */
  p50: number;
  /** milliseconds */
  p95: number;
  count: number;
}

/** A check as the report shows it: its definition's descriptive fields (`formerly` lets `report diff` pair renamed ids), then how it went. */
export interface CheckReport extends Pick<CheckDefinition, 'id' | 'formerly' | 'title' | 'level' | 'source' | 'operations'> {
  status: CheckStatus;
  durationMs: number;
  calls: number;
  /** tunnels this check opened (a shared one counts for the check that opened it first); absent in reports before 0.2 */
  tunnels?: number;
  skipReason?: string;
  /** on `failed` and `expected-failure`: what went wrong, with the shrunk counterexample */
  failure?: CheckFailure;
  /** on `expected-failure`: the reason given in the --expect file */
  expected?: string;
}

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  expectedFailures: number;
}

export interface Report {
  tool: { name: string; version: string };
  model: { service: string; apiVersion: string; sha256: string };
  /** `kind` is the target kind (mock, http, aws, container, module) */
  target: { kind: string; endpoint: string; capabilities: Partial<Capabilities> };
  runId: string;
  seed: number;
  profile: Profile;
  /** ISO 8601 date-time */
  startedAt: string;
  durationMs: number;
  summary: Summary;
  checks: CheckReport[];
  observations: Observation[];
  resources: {
    opened: number;
    cleanedUp: number;
    /** ids of tunnels the run opened and could not close and delete */
    leaked: string[];
  };
  /** per-operation call latency, from the target's stats */
  latency?: Partial<Record<OperationName, LatencySummary>>;
  /** ids listed in the --expect file whose check now passes, so such lists don't rot */
  unexpectedPasses?: string[];
}
