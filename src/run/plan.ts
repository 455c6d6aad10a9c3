/** `--plan`: what a run would do, from the check definitions alone (no call is made). */
import { unmetNeed, type CheckDefinition, type Level } from '../../suites/api.js';
import { targetDriver, type TargetKind } from '../targets/index.js';

export interface Plan {
  checks: {
    id: string;
    level: Level;
    title: string;
    tunnels: number;
    calls: number;
    /** why the check will be skipped, where that is known without asking the target */
    skip?: string;
    /** controls the check needs, where only the target can say whether it offers them */
    needs?: string[];
  }[];
  numRuns: number;
  maxTunnels: number;
  maxCalls: number;
  /** the --max-tunnels budget, when there is one */
  budget?: number;
  estimatedMs: number;
}

function planCheck(c: CheckDefinition, numRuns: number, kind: TargetKind): Plan['checks'][number] {
  const row = { id: c.id, level: c.level, title: c.title, ...c.cost(numRuns) };
  const { offers, policy } = targetDriver(kind);
  const skip = offers && unmetNeed(c, offers, policy.realAccount);
  // A check known to be skipped opens nothing and calls nothing.
  if (skip) return { ...row, tunnels: 0, calls: 0, skip };
  return !offers && c.needs?.length ? { ...row, needs: c.needs } : row;
}

export function planRun(checks: CheckDefinition[], numRuns: number, kind: TargetKind, budget?: number): Plan {
  const rows = checks.map((c) => planCheck(c, numRuns, kind));
  const maxTunnels = rows.reduce((n, r) => n + r.tunnels, 0);
  const maxCalls = rows.reduce((n, r) => n + r.calls, 0);
  // Every tunnel opened is closed again at the end: one more call each.
  return { checks: rows, numRuns, maxTunnels, maxCalls: maxCalls + maxTunnels, budget, estimatedMs: (maxCalls + maxTunnels) * targetDriver(kind).policy.callMs };
}

export function formatPlan(plan: Plan): string {
  const width = Math.max(2, ...plan.checks.map((c) => c.id.length));
  const lines = plan.checks.map((c) => {
    const cost = c.skip ? `skipped: ${c.skip}` : `≤ ${c.tunnels} tunnels, ≤ ${c.calls} calls${c.needs ? `; skipped unless the target offers the ${c.needs.join(', ')} control` : ''}`;
    return `${c.id.padEnd(width)}  ${c.level.padEnd(6)}  ${c.title}  (${cost})`;
  });
  const seconds = plan.estimatedMs / 1000;
  lines.push(
    '',
    `${plan.checks.length} checks, ${plan.numRuns} runs per property`,
    `at most ${plan.maxTunnels} tunnels${plan.budget !== undefined ? ` (budget ${plan.budget}: checks past it are skipped)` : ''} and ${plan.maxCalls} calls`,
    `estimated duration: ${seconds < 60 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`}`,
  );
  return lines.join('\n');
}
