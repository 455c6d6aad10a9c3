/**
 * One conformance run: resolve the target, run the selected checks in vitest, clean up every
 * tunnel the run opened, and write the reports. Shared by `tunnel-conformance run` and the
 * library call `runConformance`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AwsCredentialIdentity } from '@smithy/types';
import { controlCapabilities } from '../../models/wire.js';
import { writeReports } from '../../reports/write.js';
import type { Report } from '../../reports/types.js';
import type { CheckDefinition, Profile } from '../../suites/api.js';
import { allChecks } from '../../suites/check.js';
import { clientTarget, loadClientModule, startClientBridge, type ClientBridge, type SendingClient } from '../targets/client.js';
import { DEFAULT_CONTAINER_PORT, formatTargetSpec, parseTargetSpec, type Connection, type TargetSpec } from '../targets/index.js';
import { sdkTarget } from '../targets/sdk.js';
import type { Target } from '../targets/target.js';
import { cleanUp, restoreLimit } from './cleanup.js';
import { CLIENT_OBJECT_PATH, replayCommand } from './context.js';
import type { RunConfig } from './config.js';
import { parseExpected, readExpectFile, type ExpectedFailure } from './expect.js';
import { ledgerPath, ledgerState, readLedger } from './ledger.js';
import { planRun, type Plan } from './plan.js';
import { assertReachable, resolveAws } from './preflight.js';
import { runsPerProperty } from './profile.js';
import { RunReporter, type ProgressStream } from './reporter.js';
import { assembleReport } from './report.js';
import { newRunId, randomSeed } from './seed.js';
import { splitList, selectChecks } from './select.js';
import { runChecksInVitest } from './vitest.js';

export const DEFAULT_REPORT_DIR = './tunnel-conformance-report';
export const DEFAULT_AWS_MAX_TUNNELS = 25;
const CATALOGUE = fileURLToPath(new URL('../../suites/catalogue.ts', import.meta.url));

export interface RunOptions {
  /** `--target` spec; default `mock`. Ignored when `client` is given. */
  target?: string;
  /** container: the port the emulator listens on inside the image (default 8080) */
  containerPort?: number;
  /** container: the emulator's environment */
  containerEnv?: Record<string, string>;
  /** an SDK-level implementation (anything with `send(command)`), e.g. an aws-sdk-client-mock'ed client */
  client?: SendingClient;
  profile?: Profile;
  seed?: number;
  reportDir?: string;
  only?: string[] | string;
  skip?: string[] | string;
  /** an --expect file path, or its list of {id, reason} */
  expect?: string | ExpectedFailure[];
  maxTunnels?: number;
  region?: string;
  /** for targets other than `aws`: signing credentials instead of the placeholder ones */
  credentials?: AwsCredentialIdentity;
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

interface Resolved {
  spec: TargetSpec;
  targetText: string;
  checks: CheckDefinition[];
  profile: Profile;
  numRuns: number;
  maxTunnels?: number;
  checkModules: string[];
}

function targetSpecOf(options: RunOptions): TargetSpec {
  const spec: TargetSpec = options.client ? { kind: 'module', path: CLIENT_OBJECT_PATH } : parseTargetSpec(options.target ?? 'mock');
  return spec.kind === 'container' ? { ...spec, port: options.containerPort ?? DEFAULT_CONTAINER_PORT } : spec;
}

async function resolve(options: RunOptions): Promise<Resolved> {
  const spec = targetSpecOf(options);
  const profile = options.profile ?? 'standard';
  const checkModules = options.checkModules ?? [CATALOGUE];
  for (const m of checkModules) await import(m);
  const checks = selectChecks(allChecks(), splitList(asList(options.only)), splitList(asList(options.skip)));
  const maxTunnels = options.maxTunnels ?? (spec.kind === 'aws' ? DEFAULT_AWS_MAX_TUNNELS : undefined);
  if (maxTunnels !== undefined && (!Number.isInteger(maxTunnels) || maxTunnels < 1)) throw new CannotRun(`--max-tunnels must be a positive integer, got ${maxTunnels}`);
  return { spec, targetText: formatTargetSpec(spec), checks, profile, numRuns: runsPerProperty(profile, spec.kind), maxTunnels, checkModules };
}

const asList = (v: string[] | string | undefined) => (Array.isArray(v) ? v.join(',') : v);

const readExpected = (options: RunOptions) =>
  typeof options.expect === 'string' ? readExpectFile(options.expect) : parseExpected(options.expect ?? [], '(expect option)');

/** `--plan`: resolves options and the catalogue only; never touches the target. */
export async function planConformance(options: RunOptions): Promise<Plan> {
  const r = await resolve(options);
  readExpected(options);
  return planRun(r.checks, r.numRuns, r.spec.kind, r.maxTunnels);
}

/** The worker's connection, and a target in this process for capability discovery and cleanup. */
export async function connect(spec: TargetSpec, options: RunOptions): Promise<{ connection: Connection; host: Target; bridge?: ClientBridge }> {
  switch (spec.kind) {
    case 'mock':
      throw new CannotRun(`the mock lives only inside its run's worker; there is nothing to reach from here`);
    case 'http': {
      await assertReachable(spec.endpoint);
      const connection: Connection = { kind: 'http', endpoint: spec.endpoint, region: options.region, credentials: options.credentials };
      return { connection, host: sdkTarget(connection) };
    }
    case 'aws': {
      const { region } = await resolveAws(options.region);
      return { connection: { kind: 'aws', region }, host: sdkTarget({ kind: 'aws', region }) };
    }
    case 'module': {
      const client = options.client ?? (await loadClientModule(spec.path));
      const bridge = await startClientBridge(client);
      return { connection: { kind: 'module', endpoint: bridge.endpoint }, host: clientTarget(client, formatTargetSpec(spec)), bridge };
    }
    case 'container':
      // Only `run` starts one, and removes it with every tunnel in it.
      throw new CannotRun(`a container: target lives only as long as its run; there is nothing to reach afterwards`);
  }
}

/** The run's own container, if the target is one: started here, never in the worker. */
async function startOwnContainer(spec: TargetSpec, options: RunOptions, reportDir: string) {
  if (spec.kind !== 'container') return undefined;
  const { startContainer, CONTAINER_LOG } = await import('../targets/container.js');
  const settings = { image: spec.image, port: spec.port ?? DEFAULT_CONTAINER_PORT, env: options.containerEnv ?? {} };
  return startContainer(settings, join(reportDir, CONTAINER_LOG));
}

/**
 * Like connect, but a container: target is reached through the container this run started, and
 * the mock has no host here: it is the reference, in the worker, and its tunnels end with it.
 */
async function connectRun(spec: TargetSpec, options: RunOptions, containerEndpoint: string | undefined): Promise<{ connection: Connection; host?: Target; bridge?: ClientBridge }> {
  if (spec.kind === 'mock') return { connection: { kind: 'mock' } };
  if (containerEndpoint === undefined) return connect(spec, options);
  const connection: Connection = { kind: 'container', endpoint: containerEndpoint, region: options.region, credentials: options.credentials };
  return { connection, host: sdkTarget(connection), bridge: undefined };
}

export async function executeRun(options: RunOptions, onStart?: (config: RunConfig) => void): Promise<RunResult> {
  const startedAt = new Date();
  const expected = readExpected(options);
  const reportDir = options.reportDir ?? DEFAULT_REPORT_DIR;
  // The selection first: a mistyped --only is reported before an image is pulled and started.
  const r = await resolve(options);
  const container = await startOwnContainer(r.spec, options, reportDir);
  try {
    return await runOn(r, container?.endpoint, options, { startedAt, expected, reportDir, onStart });
  } finally {
    // Also after a signal: the checks are cancelled, the removal is not.
    await container?.stop();
  }
}

async function runOn(
  r: Resolved,
  containerEndpoint: string | undefined,
  options: RunOptions,
  { startedAt, expected, reportDir, onStart }: { startedAt: Date; expected: ExpectedFailure[]; reportDir: string; onStart?: (config: RunConfig) => void },
): Promise<RunResult> {
  const { connection, host, bridge } = await connectRun(r.spec, options, containerEndpoint);
  try {
    const capabilities = host ? await host.capabilities() : controlCapabilities();
    const config: RunConfig = {
      connection,
      targetSpec: r.targetText,
      capabilities,
      runId: newRunId(),
      seed: options.seed ?? randomSeed(),
      profile: r.profile,
      numRuns: r.numRuns,
      selected: r.checks.map((c) => c.id),
      maxTunnels: r.maxTunnels,
      reportDir,
      checkModules: r.checkModules,
    };
    onStart?.(config);

    const reporter = new RunReporter(r.checks.length, options.progress, { seed: config.seed, command: (id) => replayCommand(config, id) });
    const { interrupted } = await runChecksInVitest(config, reporter, options.signal);

    // Only a run whose selection sets the limit resets it: another client of the target may have set its own.
    const setsLimit = capabilities.limits && r.checks.some((c) => c.needs?.includes('limits'));
    const limitError = host && setsLimit ? await restoreLimit(host) : undefined;
    const ledger = ledgerPath(reportDir);
    const state = ledgerState(readLedger(ledger), config.runId);
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
    return { report, interrupted, errors: limitError ? [...reporter.errors, limitError] : reporter.errors };
  } finally {
    await host?.close();
    await bridge?.close();
  }
}

/** The library call: resolves to the report; rejects when the run could not be carried out. */
export async function runConformance(options: RunOptions = {}): Promise<Report> {
  const { report, errors } = await executeRun(options);
  if (errors.length) throw new CannotRun(errors[0]);
  return report;
}

export const exitCodeOf = (result: RunResult) =>
  result.errors.length > 0 || result.interrupted ? 2 : result.report.summary.failed > 0 ? 1 : 0;
