/** Assembles report.json (CONTRACT.md) from the checks' outcomes and the run's bookkeeping. */
import { readFileSync } from 'node:fs';
import { provenance, type OperationName } from '../../specs/index.js';
import type { CheckReport, LatencySummary, Report } from '../../reports/types.js';
import type { CheckDefinition, CheckOutcome } from '../../suites/api.js';
import type { CheckTelemetry, RunConfig } from './config.js';
import type { ExpectedFailure } from './expect.js';
import { packageRoot } from '../paths.js';

const pkg = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as { name: string; version: string };

export const tool = { name: pkg.name, version: pkg.version };

export interface RunRecord {
  config: RunConfig;
  target: Report['target'];
  checks: CheckDefinition[];
  outcomes: Map<string, CheckOutcome>;
  telemetry: CheckTelemetry[];
  expected: ExpectedFailure[];
  startedAt: Date;
  durationMs: number;
  resources: Report['resources'];
  /** why a selected check has no outcome (interrupted run, broken worker) */
  notRunReason: string;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function latencySummary(telemetry: CheckTelemetry[]): Report['latency'] {
  const all: Partial<Record<OperationName, number[]>> = {};
  for (const t of telemetry) for (const [op, l] of Object.entries(t.latencies)) (all[op as OperationName] ??= []).push(...l);
  const out: Partial<Record<OperationName, LatencySummary>> = {};
  for (const [op, l] of Object.entries(all)) {
    if (l.length === 0) continue;
    const sorted = [...l].sort((a, b) => a - b);
    out[op as OperationName] = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), count: sorted.length };
  }
  return out;
}

/**
 * Run-wide facts for the reader (SERVICE-FACTS: consistency and throttling are UNKNOWN, retries
 * are "never a failure, but counted"): observations, never verdicts.
 */
function runObservations(telemetry: CheckTelemetry[]): Report['observations'] {
  const waits = telemetry.flatMap((t) => t.waits);
  const retries = telemetry.reduce((n, t) => n + t.retries, 0);
  const calls = telemetry.reduce((n, t) => n + t.calls, 0);
  return [
    {
      id: 'read-after-write',
      question: 'How long did reads (DescribeTunnel, ListTunnels) take to reflect a write?',
      answer: { reads: waits.length, immediate: waits.filter((w) => w === 0).length, slowestMs: waits.length ? Math.max(...waits) : 0 },
    },
    {
      id: 'throttling-and-5xx',
      question: 'How often did the target answer ThrottlingException or a 5xx (retried with backoff)?',
      answer: { retries, calls },
    },
  ];
}

export function assembleReport(run: RunRecord): Report {
  const expected = new Map(run.expected.map((e) => [e.id, e.reason]));
  const unexpectedPasses: string[] = [];
  const checks: CheckReport[] = run.checks.map((c) => {
    const o = run.outcomes.get(c.id);
    const base = { id: c.id, ...(c.formerly && { formerly: c.formerly }), title: c.title, level: c.level, source: c.source, operations: c.operations };
    if (!o) return { ...base, status: 'skipped', durationMs: 0, calls: 0, tunnels: 0, skipReason: run.notRunReason };
    const reason = expected.get(c.id);
    if (o.status === 'passed' && reason !== undefined) unexpectedPasses.push(c.id);
    return {
      ...base,
      status: o.status === 'failed' && reason !== undefined ? 'expected-failure' : o.status,
      durationMs: Math.round(o.durationMs),
      calls: o.calls,
      tunnels: o.tunnelsOpened,
      ...(o.skipReason !== undefined ? { skipReason: o.skipReason } : {}),
      ...(o.failure ? { failure: o.failure } : {}),
      ...(o.status === 'failed' && reason !== undefined ? { expected: reason } : {}),
    };
  });
  const count = (s: CheckReport['status']) => checks.filter((c) => c.status === s).length;
  return {
    tool,
    model: { service: provenance.model.service, apiVersion: provenance.model.apiVersion, sha256: provenance.model.sha256 },
    target: run.target,
    runId: run.config.runId,
    seed: run.config.seed,
    profile: run.config.profile,
    startedAt: run.startedAt.toISOString(),
    durationMs: Math.round(run.durationMs),
    summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), expectedFailures: count('expected-failure') },
    checks,
    observations: [...run.telemetry.flatMap((t) => t.observations), ...runObservations(run.telemetry)],
    resources: run.resources,
    latency: latencySummary(run.telemetry),
    ...(unexpectedPasses.length ? { unexpectedPasses } : {}),
  };
}
