/**
 * One conformance run: resolve the target, run the selected checks in a worker thread, clean up every
 * tunnel the run opened, and write the reports. Shared by `tunnel-conformance run` and the
 * library call `runConformance`.
 */
import { fileURLToPath } from 'node:url';
import { writeReports } from '../../reports/write.js';
import type { Report } from '../../reports/types.js';
import { NOT_JUDGED_THROTTLED, type Capabilities, type CheckDefinition, type Profile } from '../../suites/api.js';
import { allChecks } from '../../suites/check.js';
import type { Session } from '../targets/driver.js';
import { formatTargetSpec, targetDriver, targetSpecOf, TargetSpecError, type Connection, type TargetKind, type TargetOptions, type TargetSpec } from '../targets/index.js';
import { dataEndpointUrl } from '../targets/dataplane.js';
import { cleanUp, restoreLimit } from './cleanup.js';
import { replayCommand } from './context.js';
import type { RunConfig } from './config.js';
import { parseExpected, readExpectFile, renameFormerIds, type ExpectedFailure } from './expect.js';
import { ledgerPath, ledgerState, readLedger } from './ledger.js';
import { budgetShortfall, planRun, type Plan } from './plan.js';
import { RunReporter, type ProgressStream } from './reporter.js';
import { assembleReport } from './report.js';
import { newRunId, randomSeed } from './seed.js';
import { splitList, selectChecks } from './select.js';
import { laneCount, laneRunIds } from './lanes.js';
import { prepareThread, runChecksInThreads, type PreparedThread } from './thread.js';
import { moduleUrl } from '../paths.js';

export const DEFAULT_REPORT_DIR = './tunnel-conformance-report';
const CATALOGUE = fileURLToPath(moduleUrl('suites/catalogue'));

/** The run's own options, and every target kind's (`client`, `containerPort`, …: see its driver). */
export interface RunOptions extends TargetOptions {
  /** `--target` spec; default `mock`. Ignored when `client` is given. */
  target?: string;
  profile?: Profile;
  seed?: number;
  reportDir?: string;
  only?: string[] | string;
  skip?: string[] | string;
  /** an --expect file path, or its list of {id, reason} */
  expect?: string | ExpectedFailure[];
  maxTunnels?: number;
  /** fast-check's path to a shrunk case (a replay command's --path); needs exactly one selected check */
  path?: string;
  /** modules that define the checks (default: the catalogue) */
  checkModules?: string[];
  progress?: ProgressStream;
  /** aborting cancels the checks; cleanup and the report still happen */
  signal?: AbortSignal;
}

/** The run cannot be carried out (exit 2). */
export class CannotRun extends Error {}

export interface RunResult {
  report: Report;
  interrupted: boolean;
  /** errors outside any check: the run is not trustworthy (exit 2) */
  errors: string[];
}

export interface Resolved {
  spec: TargetSpec;
  targetText: string;
  checks: CheckDefinition[];
  profile: Profile;
  numRuns: number;
  maxTunnels?: number;
  path?: string;
  checkModules: string[];
}

/** The run's settings from its options, over checks already registered; touches nothing. */
export function resolveRun(options: RunOptions, registered: CheckDefinition[]): Resolved {
  const spec = targetSpecOf(options);
  const profile = options.profile ?? 'standard';
  const checks = selectChecks(registered, splitList(asList(options.only)), splitList(asList(options.skip)));
  const { policy } = targetDriver(spec.kind);
  const maxTunnels = options.maxTunnels ?? policy.maxTunnels?.[profile];
  if (maxTunnels !== undefined && (!Number.isInteger(maxTunnels) || maxTunnels < 1)) throw new CannotRun(`--max-tunnels must be a positive integer, got ${maxTunnels}`);
  // A path is one check's: the same path in another check would be a different, meaningless case.
  if (options.path !== undefined && checks.length !== 1) throw new CannotRun(`--path replays one check's case: select exactly one with --only (${checks.length} selected)`);
  // A replay must reach the same data plane: the flag travels with the target's text.
  const targetText = options.dataEndpoint === undefined ? formatTargetSpec(spec) : `${formatTargetSpec(spec)} --data-endpoint ${dataEndpoint(options.dataEndpoint)}`;
  return { spec, targetText, checks, profile, numRuns: policy.runsPerProperty[profile], maxTunnels, path: options.path, checkModules: options.checkModules ?? [CATALOGUE] };
}

async function resolve(options: RunOptions): Promise<Resolved> {
  for (const m of options.checkModules ?? [CATALOGUE]) await import(m);
  return resolveRun(options, allChecks());
}

/** Never green by not running: a budget too small for the selection stops the run before its first call. */
export function demandBudget(r: Resolved, kind: TargetKind, capabilities: Capabilities): void {
  const shortfall = budgetShortfall(planRun(r.checks, { kind, profile: r.profile, numRuns: r.numRuns, capabilities, budget: r.maxTunnels }));
  if (shortfall) throw new CannotRun(shortfall);
}

/** What every check of one run shares: fixed once the target's capabilities are known. */
export const runConfig = (r: Resolved, connection: Connection, capabilities: Capabilities, seed: number | undefined, reportDir: string, dataPlaneAbsence?: string): RunConfig => ({
  connection,
  ...(dataPlaneAbsence !== undefined && { dataPlaneAbsence }),
  targetSpec: r.targetText,
  capabilities,
  runId: newRunId(),
  seed: seed ?? randomSeed(),
  profile: r.profile,
  numRuns: r.numRuns,
  selected: r.checks.map((c) => c.id),
  maxTunnels: r.maxTunnels,
  ...(r.path !== undefined && { path: r.path }),
  reportDir,
});

function dataEndpoint(text: string): string {
  try {
    return dataEndpointUrl(text);
  } catch (e) {
    if (e instanceof TargetSpecError) throw new CannotRun(e.message);
    throw e;
  }
}

const asList = (v: string[] | string | undefined) => (Array.isArray(v) ? v.join(',') : v);

/** After `resolve`: a former check id is renamed against the loaded catalogue. */
const readExpected = (options: RunOptions) =>
  renameFormerIds(typeof options.expect === 'string' ? readExpectFile(options.expect) : parseExpected(options.expect ?? [], '(expect option)'), allChecks());

/** `--plan`: resolves options and the catalogue only; never touches the target. */
export async function planConformance(options: RunOptions): Promise<Plan> {
  const r = await resolve(options);
  readExpected(options);
  // What a target offers is known beforehand for some kinds (aws: nothing); the others say so only when asked.
  return planRun(r.checks, { kind: r.spec.kind, profile: r.profile, numRuns: r.numRuns, capabilities: targetDriver(r.spec.kind).offers, budget: r.maxTunnels });
}

export async function executeRun(options: RunOptions, onStart?: (config: RunConfig) => void): Promise<RunResult> {
  const startedAt = new Date();
  const reportDir = options.reportDir ?? DEFAULT_REPORT_DIR;
  // Loading the checks in the worker overlaps resolving the run and reaching the target here.
  const modules = options.checkModules ?? [CATALOGUE];
  const threads = [prepareThread(modules)];
  try {
    // The selection first: a mistyped --only is reported before an image is pulled and started.
    const r = await resolve(options);
    const expected = readExpected(options);
    const driver = targetDriver(r.spec.kind);
    const lanes = { lanes: laneCount(driver.policy, { checks: r.checks.length, maxTunnels: r.maxTunnels, path: r.path }) - 1, prepare: () => prepareThread(modules) };
    const session = await driver.connect(r.spec, { ...options, reportDir });
    try {
      return await runOn(r, session, threads, lanes, options, { startedAt, expected, reportDir, onStart });
    } finally {
      // Also after a signal: the checks are cancelled, stopping what the run started is not.
      await session.close();
    }
  } finally {
    await Promise.all(threads.map((t) => t.close()));
  }
}

async function runOn(
  r: Resolved,
  { connection, host, capabilities: discover }: Session,
  threads: PreparedThread[],
  more: Parameters<typeof runChecksInThreads>[1],
  options: RunOptions,
  { startedAt, expected, reportDir, onStart }: { startedAt: Date; expected: ExpectedFailure[]; reportDir: string; onStart?: (config: RunConfig) => void },
): Promise<RunResult> {
  const capabilities = await discover();
  demandBudget(r, connection.kind, capabilities);
  const config = runConfig(r, connection, capabilities, options.seed, reportDir, host?.dataPlaneAbsence?.());
  onStart?.(config);

  const reporter = new RunReporter(r.checks.length, options.progress, { seed: config.seed, command: (id) => replayCommand(config, id) });
  const { interrupted } = await runChecksInThreads(threads, more, config, reporter, options.signal);

  // Only a run whose selection sets the limit resets it: another client of the target may have set its own.
  const setsLimit = capabilities.limits && r.checks.some((c) => c.needs?.includes('limits'));
  const limitError = host && setsLimit ? await restoreLimit(host) : undefined;
  const ledger = ledgerPath(reportDir);
  const state = ledgerState(readLedger(ledger), laneRunIds(config.runId, threads.length));
  const leaked = host ? (await cleanUp(host, state.pending, { path: ledger, runId: config.runId })).leaked : [];
  const report = assembleReport({
    config,
    target: { kind: connection.kind, endpoint: r.targetText, capabilities },
    checks: r.checks,
    outcomes: reporter.outcomes,
    telemetry: reporter.telemetry,
    expected,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    resources: { opened: state.opened.length, cleanedUp: state.opened.length - leaked.length, leaked },
    notRunReason: interrupted ? 'not run: the run was interrupted' : `not run: ${reporter.errors[0] ?? 'no verdict from the worker'}`,
  });
  await writeReports(reportDir, report);
  const unrun = [...reporter.outcomes.values()].filter((o) => o.outOfBudget).map((o) => o.id);
  const outOfBudget = unrun.length ? [`${unrun.length} checks could not run for want of tunnels (--max-tunnels ${r.maxTunnels}): ${unrun.join(', ')}`] : [];
  return { report, interrupted, errors: [...reporter.errors, ...(limitError ? [limitError] : []), ...outOfBudget] };
}

/** The library call: resolves to the report; rejects when the run could not be carried out. */
export async function runConformance(options: RunOptions = {}): Promise<Report> {
  const { report, errors } = await executeRun(options);
  if (errors.length) throw new CannotRun(errors[0]);
  return report;
}

/** Checks that ended without a verdict because the target kept throttling (reported skipped, with that reason). */
export const notJudged = (report: Report) => report.checks.filter((c) => c.skipReason?.startsWith(NOT_JUDGED_THROTTLED)).map((c) => c.id);

/**
 * A failure is a verdict and wins over a check that could not be judged; a run with checks the
 * target throttled out of judgement and no failure is not green (CONTRACT.md: "never green by
 * not running"), so it exits 2 like a run whose budget was too small.
 */
export const exitCodeOf = (result: RunResult) =>
  result.errors.length > 0 || result.interrupted ? 2 : result.report.summary.failed > 0 ? 1 : notJudged(result.report).length > 0 ? 2 : 0;
