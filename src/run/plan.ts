/** `--plan`: what a run would do, from the check definitions alone (no call is made). */
import { unmetNeed, type Capabilities, type CheckDefinition, type Level, type Profile } from '../../suites/api.js';
import { timeCanPass, timeSkipReason } from '../../suites/time.js';
import { targetDriver, type TargetKind } from '../targets/index.js';
import { planTunnels, runOrder, runsFor } from './tunnels.js';

export interface PlannedRow {
  id: string;
  level: Level;
  title: string;
  /** the runs its properties get */
  runs: number;
  /** the most tunnels the run opens while it runs (shared tunnels count where first opened) */
  tunnels: number;
  calls: number;
  /** why the check will be skipped, where that is known without asking the target */
  skip?: string;
  /** controls the check needs, where only the target can say whether it offers them */
  needs?: string[];
}

export interface Plan {
  /** in run order */
  checks: PlannedRow[];
  numRuns: number;
  /** the exact upper bound of tunnels the run opens */
  maxTunnels: number;
  maxCalls: number;
  /** the --max-tunnels budget, when there is one */
  budget?: number;
  estimatedMs: number;
}

export interface PlanTarget {
  kind: TargetKind;
  profile: Profile;
  numRuns: number;
  /** what the target offers; undefined: only the target can say (the plan assumes it offers everything) */
  capabilities?: Capabilities;
  budget?: number;
}

/** Why a check is skipped on a target with these capabilities: a control it needs, or time that cannot pass. */
function skipReason(c: CheckDefinition, t: PlanTarget, capabilities: Capabilities): string | undefined {
  const unmet = unmetNeed(c, capabilities, targetDriver(t.kind).policy.realAccount);
  if (unmet) return unmet;
  const seconds = c.requires?.seconds;
  return seconds !== undefined && !timeCanPass(capabilities.clock, t.profile, seconds) ? timeSkipReason(seconds) : undefined;
}

const EVERY_CONTROL: Capabilities = { clock: true, reset: true, limits: true, dataPlane: true };
const NO_CONTROL: Capabilities = { clock: false, reset: false, limits: false, dataPlane: false };

export function planRun(checks: CheckDefinition[], t: PlanTarget): Plan {
  const { policy } = targetDriver(t.kind);
  const share = policy.shareTunnels;
  const capabilities = t.capabilities ?? EVERY_CONTROL;
  const shape = { share, profile: t.profile, numRuns: t.numRuns, clock: capabilities.clock };
  const ordered = runOrder(checks, shape).map((c) => {
    const runs = runsFor(c, shape);
    // Unknown capabilities: which controls (or time) the check would be skipped without.
    const without = t.capabilities ? undefined : skipReason(c, t, NO_CONTROL) && [...(c.needs ?? []), ...(c.requires?.seconds !== undefined ? ['clock'] : [])];
    return { c, runs, needs: c.tunnelNeeds?.(runs, capabilities) ?? {}, skip: skipReason(c, t, capabilities), without };
  });
  const running = ordered.filter((o) => !o.skip);
  const tunnels = planTunnels(running.map((o) => ({ needs: o.needs, tunnels: o.c.cost(o.runs).tunnels })), share !== undefined, t.numRuns);
  const rows: PlannedRow[] = ordered.map((o) => {
    const row = { id: o.c.id, level: o.c.level, title: o.c.title, runs: o.runs };
    // A check known to be skipped opens nothing and calls nothing.
    if (o.skip) return { ...row, tunnels: 0, calls: 0, skip: o.skip };
    return { ...row, tunnels: tunnels[running.indexOf(o)], calls: o.c.cost(o.runs).calls, ...(o.without?.length && { needs: [...new Set(o.without)] }) };
  });
  const maxTunnels = rows.reduce((n, r) => n + r.tunnels, 0);
  // A take may close and delete a tunnel it is handed (two calls); every tunnel opened is closed again at the end.
  const takes = running.reduce((n, o) => n + (o.needs.take ?? []).reduce((m, x) => m + x.count, 0), 0);
  const maxCalls = rows.reduce((n, r) => n + r.calls, 0) + (share ? maxTunnels + 2 * takes : 0) + maxTunnels;
  return { checks: rows, numRuns: t.numRuns, maxTunnels, maxCalls, budget: t.budget, estimatedMs: maxCalls * policy.callMs };
}

/** Why a run cannot be carried out within its budget, or undefined when it can. */
export const budgetShortfall = (plan: Plan): string | undefined =>
  plan.budget !== undefined && plan.budget < plan.maxTunnels
    ? `the selected checks need up to ${plan.maxTunnels} tunnels and --max-tunnels is ${plan.budget}: run with --max-tunnels ${plan.maxTunnels}, or select fewer checks (--only/--skip)`
    : undefined;

export function formatPlan(plan: Plan): string {
  const width = Math.max(2, ...plan.checks.map((c) => c.id.length));
  const lines = plan.checks.map((c) => {
    const cost = c.skip
      ? `skipped: ${c.skip}`
      : `${c.runs} runs, ≤ ${c.tunnels} new tunnels, ≤ ${c.calls} calls${c.needs ? `; skipped unless the target offers the ${c.needs.join(', ')} control` : ''}`;
    return `${c.id.padEnd(width)}  ${c.level.padEnd(6)}  ${c.title}  (${cost})`;
  });
  const skipped = plan.checks.filter((c) => c.skip).length;
  const seconds = plan.estimatedMs / 1000;
  const shortfall = budgetShortfall(plan);
  lines.push(
    '',
    `${plan.checks.length} checks (${plan.checks.length - skipped} run, ${skipped} skipped for a capability), ${plan.numRuns} runs per property, in run order`,
    `at most ${plan.maxTunnels} tunnels${plan.budget !== undefined ? ` (budget ${plan.budget})` : ''} and ${plan.maxCalls} calls`,
    ...(shortfall ? [`the run would not start (exit 2): ${shortfall}`] : []),
    `estimated duration: ${seconds < 60 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`}`,
  );
  return lines.join('\n');
}
