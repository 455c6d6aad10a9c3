/** `--plan`: what a run would do, from the check definitions alone (no call is made). */
import type { CheckDefinition, Level } from '../../suites/api.js';
import { targetDriver, type TargetKind } from '../targets/index.js';

export interface Plan {
  checks: { id: string; level: Level; title: string; tunnels: number; calls: number }[];
  numRuns: number;
  maxTunnels: number;
  maxCalls: number;
  /** the --max-tunnels budget, when there is one */
  budget?: number;
  estimatedMs: number;
}

export function planRun(checks: CheckDefinition[], numRuns: number, kind: TargetKind, budget?: number): Plan {
  const rows = checks.map((c) => ({ id: c.id, level: c.level, title: c.title, ...c.cost(numRuns) }));
  const maxTunnels = rows.reduce((n, r) => n + r.tunnels, 0);
  const maxCalls = rows.reduce((n, r) => n + r.calls, 0);
  // Every tunnel opened is closed again at the end: one more call each.
  return { checks: rows, numRuns, maxTunnels, maxCalls: maxCalls + maxTunnels, budget, estimatedMs: (maxCalls + maxTunnels) * targetDriver(kind).policy.callMs };
}

export function formatPlan(plan: Plan): string {
  const width = Math.max(2, ...plan.checks.map((c) => c.id.length));
  const lines = plan.checks.map((c) => `${c.id.padEnd(width)}  ${c.level.padEnd(6)}  ${c.title}  (≤ ${c.tunnels} tunnels, ≤ ${c.calls} calls)`);
  const seconds = plan.estimatedMs / 1000;
  lines.push(
    '',
    `${plan.checks.length} checks, ${plan.numRuns} runs per property`,
    `at most ${plan.maxTunnels} tunnels${plan.budget !== undefined ? ` (budget ${plan.budget}: checks past it are skipped)` : ''} and ${plan.maxCalls} calls`,
    `estimated duration: ${seconds < 60 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`}`,
  );
  return lines.join('\n');
}
