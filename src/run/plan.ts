/** `--plan`: what a run would do, from the check definitions alone (no call is made). */
import type { CheckDefinition, Level, Profile } from '../../suites/api.js';
import { timeCanPass, timeSkipReason } from '../../suites/time.js';
import { targetDriver, type TargetKind } from '../targets/index.js';
import { planTunnels, runOrder } from './tunnels.js';

export interface PlannedRow {
  id: string;
  level: Level;
  title: string;
  /** the runs its properties get */
  runs: number;
  /** the most tunnels the run opens while it runs (shared tunnels count where first opened) */
  tunnels: number;
  calls: number;
  /** skipped for a capability the target lacks, known beforehand */
  skip?: string;
  /** skipped unless the target offers a capability (its target-control clock), unknown until it is asked */
  unless?: string;
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
  /** whether the target's clock can be moved; undefined: not known until it is asked */
  clock?: boolean;
  budget?: number;
}

export function planRun(checks: CheckDefinition[], t: PlanTarget): Plan {
  const { policy } = targetDriver(t.kind);
  const share = policy.shareTunnels;
  const clock = t.clock ?? true;
  const ordered = runOrder(checks).map((c) => {
    const needs = c.tunnelNeeds?.(t.numRuns, { clock }) ?? {};
    const runs = share && needs.take?.length ? share.consumingRuns[t.profile] : t.numRuns;
    const seconds = c.requires?.seconds;
    const runsOn = (withClock: boolean) => seconds === undefined || timeCanPass(withClock, t.profile, seconds);
    return { c, runs, needs: c.tunnelNeeds?.(runs, { clock }) ?? {}, skip: runsOn(clock) ? undefined : timeSkipReason(seconds!), unless: t.clock === undefined && !runsOn(false) ? 'skipped unless the target offers clock control' : undefined };
  });
  const running = ordered.filter((o) => !o.skip);
  const tunnels = planTunnels(running.map((o) => ({ needs: o.needs, tunnels: o.c.cost(o.runs).tunnels })), share !== undefined, t.numRuns);
  const rows: PlannedRow[] = ordered.map((o) => {
    const i = running.indexOf(o);
    const calls = o.skip ? 0 : o.c.cost(o.runs).calls;
    return { id: o.c.id, level: o.c.level, title: o.c.title, runs: o.runs, tunnels: i < 0 ? 0 : tunnels[i], calls, ...(o.skip && { skip: o.skip }), ...(o.unless && { unless: o.unless }) };
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
  const lines = plan.checks.map(
    (c) => `${c.id.padEnd(width)}  ${c.level.padEnd(6)}  ${c.title}  ${c.skip ? `(skipped: ${c.skip})` : `(${c.runs} runs, ≤ ${c.tunnels} new tunnels, ≤ ${c.calls} calls${c.unless ? `; ${c.unless}` : ''})`}`,
  );
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
