/**
 * One conformance run: resolve the target, run the selected checks in vitest, clean up every
 * tunnel the run opened, and write the reports. Shared by `tunnel-conformance run` and the
 * library call `runConformance`.
 */
import { fileURLToPath } from 'node:url';
import type { AwsCredentialIdentity } from '@smithy/types';
import { writeReports } from '../../reports/write.js';
import type { Report } from '../../reports/types.js';
import { allChecks, type CheckDefinition, type Profile } from '../../suites/check.js';
import { clientTarget, loadClientModule, startClientBridge, type ClientBridge, type SendingClient } from '../targets/client.js';
import { createTarget, formatTargetSpec, parseTargetSpec, type Connection, type TargetSpec } from '../targets/index.js';
import { sdkTarget } from '../targets/sdk.js';
import type { Target } from '../targets/target.js';
import { cleanUp } from './cleanup.js';
import { replayCommand } from './context.js';
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
  const spec: TargetSpec = options.client ? { kind: 'module', path: '<client object>' } : parseTargetSpec(options.target ?? 'mock');
  if (spec.kind === 'container') throw new CannotRun(`container targets need issue 8 (testcontainers support); start the image yourself and use --target http://HOST:PORT`);
  return spec;
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
      return { connection: { kind: 'mock' }, host: await createTarget({ kind: 'mock' }) };
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
      throw new CannotRun('container targets need issue 8');
  }
}

export async function executeRun(options: RunOptions, onStart?: (config: RunConfig) => void): Promise<RunResult> {
  const startedAt = new Date();
  const expected = readExpected(options);
  const reportDir = options.reportDir ?? DEFAULT_REPORT_DIR;
  // The target first: an unreachable one is reported before the catalogue is even loaded.
  const { connection, host, bridge } = await connect(targetSpecOf(options), options);
  let hostOpen = true;
  const closeHost = async () => {
    if (hostOpen) await host.close();
    hostOpen = false;
  };
  try {
    const r = await resolve(options);
    const capabilities = await host.capabilities();
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
    // The mock's state lives in the worker; this process's copy only answered the capabilities.
    if (r.spec.kind === 'mock') await closeHost();

    const reporter = new RunReporter(r.checks.length, options.progress, { seed: config.seed, command: (id) => replayCommand(config, id) });
    const { interrupted } = await runChecksInVitest(config, reporter, options.signal);

    const ledger = ledgerPath(reportDir);
    const state = ledgerState(readLedger(ledger), config.runId);
    // An in-process mock's tunnels vanished with the worker that held them.
    const leaked = r.spec.kind === 'mock' ? [] : (await cleanUp(host, state.pending, { path: ledger, runId: config.runId })).leaked;
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
    return { report, interrupted, errors: reporter.errors };
  } finally {
    await closeHost();
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
