/**
 * Runs one check inside the worker: builds its CheckContext (run-id tag, ledger, budget,
 * polling window, observations) and turns how it ended into a CheckOutcome.
 */
import { def } from '../../specs/index.js';
import {
  answerText,
  BudgetExhausted,
  CheckFailed,
  CheckInterrupted,
  CheckSkipped,
  NOT_JUDGED_THROTTLED,
  NotJudged,
  RUN_ID_TAG_KEY,
  unmetNeed,
  type CallResult,
  type CheckContext,
  type CheckDefinition,
  type CheckOutcome,
  type CheckTarget,
  type Observation,
} from '../../suites/api.js';
import { redact, secretsIn } from '../../reports/redact.js';
import { CLIENT_OBJECT_PATH } from '../targets/drivers/module.js';
import { targetDriver } from '../targets/index.js';
import { isThrottling } from '../targets/retry.js';
import type { Target } from '../targets/target.js';
import type { CheckTelemetry, RunConfig } from './config.js';
import { appendLedger, ledgerPath } from './ledger.js';
import { checkSeed } from './seed.js';
import { canPassTime, timeSkipReason } from '../../suites/time.js';
import { runsFor, type RunShape, type TunnelPool } from './tunnels.js';

/**
 * Every access token a target has returned in this worker, kept in memory only, so that a failure
 * message or observation quoting one is scrubbed before it leaves the worker (issue: no token in
 * any report or console output).
 */
const secretsSeen = new Set<string>();

/** The tunnels opened so far by this run: one counter for all checks of the worker. */
export interface Budget {
  opened: number;
  max?: number;
}

const maxTags = () => (def('TagList') as { maxItems?: number }).maxItems ?? Infinity;

/** Adds the run-id tag; a list already at the model's maximum gives up its last tag for it. */
export function withRunIdTag(input: Record<string, unknown>, runId: string): Record<string, unknown> {
  const tags = Array.isArray(input.tags) ? [...(input.tags as unknown[])] : [];
  if (tags.length >= maxTags()) tags.length = maxTags() - 1;
  tags.push({ key: RUN_ID_TAG_KEY, value: runId });
  return { ...input, tags };
}

/**
 * What reproduces one check of this run: the command line, or for a client object the library
 * call. With the path of a shrunk failure it lands on that case directly instead of searching.
 */
export const replayCommand = (config: RunConfig, id: string, path?: string) =>
  config.targetSpec === `module:${CLIENT_OBJECT_PATH}`
    ? `runConformance({ client, seed: ${config.seed}, only: '${id}', profile: '${config.profile}'${path ? `, path: '${path}'` : ''} })`
    : `tunnel-conformance run --target ${config.targetSpec} --seed ${config.seed} --only ${id} --profile ${config.profile}${path ? ` --path ${path}` : ''}`;

/** The reason a check needing only a data plane gets where there is none (suites/api.ts words it). */
const NO_DATA_PLANE = unmetNeed({ needs: ['dataPlane'] }, { clock: true, reset: true, limits: true, dataPlane: false }, false);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The pause after an unanswered poll: from a sixteenth of the window's even spacing, doubling up
 * to it. Most changes show within milliseconds (a socket's close reaching the target), and a full
 * spacing after every first miss was most of what the data-plane checks waited. The short pauses
 * add BACKOFF_POLLS polls to the window's count.
 */
const BACKOFF_POLLS = 4;
const pauseAfter = (poll: number, window: { totalMs: number; polls: number }) => {
  const spacing = window.totalMs / window.polls;
  return Math.min(spacing, (spacing / 2 ** BACKOFF_POLLS) * 2 ** (poll - 1));
};

/** The shape of the run a config describes (what orders its checks and sets their runs). */
export const runShape = (config: RunConfig): RunShape => ({
  share: targetDriver(config.connection.kind).policy.shareTunnels,
  profile: config.profile,
  numRuns: config.numRuns,
  clock: config.capabilities.clock,
});

export async function runCheck(
  check: CheckDefinition,
  target: Target,
  config: RunConfig,
  budget: Budget,
  pool: TunnelPool,
  /** told, scrubbed of tokens, when a case of the check has failed and shrinking begins */
  onFailing?: (message: string) => void,
): Promise<{ outcome: CheckOutcome; telemetry: CheckTelemetry; opened: string[] }> {
  const observations: Observation[] = [];
  const waits: number[] = [];
  const callsBefore = target.stats.calls;
  const retriesBefore = target.stats.retries;
  const latenciesBefore = Object.fromEntries(Object.entries(target.stats.latencies).map(([op, l]) => [op, l.length]));
  const opened: string[] = [];
  const ledger = ledgerPath(config.reportDir);

  const remember = (op: string, r: CallResult) => {
    // Retried already (src/targets/retry.ts): still throttled means this check cannot be judged.
    if (isThrottling(r)) throw new NotJudged(`${NOT_JUDGED_THROTTLED} (${op} answered ${answerText(r)} after every retry)`);
    if (r.ok) secretsIn(r.output, secretsSeen);
    return r;
  };

  // With other checks running side by side, what every client of the target sees is changed only by a check that has it to itself.
  const everyones = <T>(what: string, change: () => Promise<T>): Promise<T> =>
    (config.lanes ?? 1) > 1 && check.alone === undefined ? Promise.reject(new Error(`${check.id} would ${what} while other checks run side by side: it must declare \`alone\``)) : change();

  // Every OpenTunnel a check sends, through openTunnel or directly (an invalid input a faulty
  // target accepts opens a tunnel too), is counted against the budget and journaled.
  const journaled: CheckTarget = {
    // Only where the target offers it; its now is always read, never computed from what the run asked.
    clock: config.capabilities.clock ? { now: () => target.advanceClock(0), advance: (s) => everyones("move the target's clock", () => target.advanceClock(s)) } : undefined,
    limits: config.capabilities.limits ? { setMaxOpenTunnels: (max) => everyones("set the target's open-tunnel limit", () => target.setMaxOpenTunnels(max)) } : undefined,
    dataPlane: config.capabilities.dataPlane ? target.dataPlane : undefined,
    async call(op, input) {
      if (op === 'CloseTunnel') {
        const result = remember(op, await target.call(op, input));
        pool.noteClose(input, result);
        return result;
      }
      if (op !== 'OpenTunnel') return remember(op, await target.call(op, input));
      if (budget.max !== undefined && budget.opened >= budget.max) {
        throw new BudgetExhausted(`tunnel budget of ${budget.max} spent (--max-tunnels)`);
      }
      budget.opened++;
      let result: CallResult;
      try {
        result = remember(op, await target.call(op, input));
      } catch (e) {
        budget.opened--;
        throw e;
      }
      if (result.ok && typeof result.output.tunnelId === 'string') {
        opened.push(result.output.tunnelId);
        appendLedger(ledger, { event: 'opened', runId: config.runId, tunnelId: result.output.tunnelId });
      } else budget.opened--;
      return result;
    },
  };

  const runs = runsFor(check, runShape(config));
  const openTunnel = async (input: Record<string, unknown> = {}) => {
    const sent = withRunIdTag(input, config.runId);
    return { result: await journaled.call('OpenTunnel', sent), sent };
  };
  const ctx: CheckContext = {
    target: journaled,
    tunnels: pool.forCheck(
      { openTunnel, call: (op, input) => journaled.call(op, input), needs: check.tunnelNeeds?.(runs, { clock: config.capabilities.clock }) ?? {} },
      () => opened.length,
    ),
    capabilities: config.capabilities,
    profile: config.profile,
    runId: config.runId,
    // A billed target is not asked again to shrink a failure: the first counterexample is reported.
    fc: {
      seed: checkSeed(config.seed, check.id),
      numRuns: runs,
      ...(config.path && { path: config.path }),
      ...(targetDriver(config.connection.kind).policy.realAccount && { endOnFailure: true }),
    },
    openTunnel,
    async eventually(what, probe, timedOut) {
      const window = targetDriver(config.connection.kind).policy.eventually;
      const started = Date.now();
      let poll = 0;
      for (;;) {
        poll++;
        const value = await probe();
        if (value !== undefined) {
          waits.push(poll === 1 ? 0 : Date.now() - started);
          return value;
        }
        if (Date.now() - started >= window.totalMs || poll >= window.polls + BACKOFF_POLLS) break;
        await sleep(pauseAfter(poll, window));
      }
      const seconds = window.totalMs / 1000;
      // No counterexample of its own (the message names what): a property check reports its generated case.
      throw new CheckFailed(timedOut ? `${timedOut()} (waited ${seconds} s, ${poll} polls)` : `${what}: not seen within ${seconds} s (${poll} polls)`, undefined);
    },
    settle: () => sleep(targetDriver(config.connection.kind).policy.eventually.totalMs),
    observe: (o) => void observations.push(o),
    failing: (message) => onFailing?.(redact(message, secretsSeen)),
    skip(reason): never {
      throw new CheckSkipped(reason);
    },
  };

  const started = performance.now();
  let ended: Pick<CheckOutcome, 'status' | 'skipReason' | 'failure'>;
  try {
    const unmet = unmetNeed(check, { ...config.capabilities, dataPlane: journaled.dataPlane !== undefined }, targetDriver(config.connection.kind).policy.realAccount);
    if (unmet) throw new CheckSkipped(unmet === NO_DATA_PLANE && config.dataPlaneAbsence ? `${unmet}: ${config.dataPlaneAbsence}` : unmet);
    const seconds = check.requires?.seconds;
    if (seconds !== undefined && !canPassTime(ctx, seconds)) ctx.skip(timeSkipReason(seconds));
    await check.run(ctx);
    ended = { status: 'passed' };
  } catch (e) {
    if (e instanceof CheckInterrupted) ended = { status: 'skipped', skipReason: e.message, ...(e instanceof BudgetExhausted && { outOfBudget: true as const }) };
    else {
      const failed = e instanceof CheckFailed ? e : undefined;
      ended = {
        status: 'failed',
        failure: {
          message: failed?.message ?? `the check threw: ${(e as Error)?.message ?? String(e)}`,
          counterexample: failed?.counterexample ?? null,
          seed: config.seed,
          ...(failed?.path ? { path: failed.path } : {}),
          replay: replayCommand(config, check.id, failed?.path),
          ...failed?.detail,
        },
      };
    }
  }
  const latencies = Object.fromEntries(Object.entries(target.stats.latencies).map(([op, l]) => [op, l.slice(latenciesBefore[op] ?? 0)]));
  return {
    outcome: redact({ id: check.id, durationMs: performance.now() - started, calls: target.stats.calls - callsBefore, tunnelsOpened: opened.length, ...ended }, secretsSeen),
    telemetry: { observations: redact(observations, secretsSeen), latencies, retries: target.stats.retries - retriesBefore, calls: target.stats.calls - callsBefore, waits },
    opened,
  };
}
