/**
 * Runs the conformance suite over HTTP against each variant of the reference (one loopback
 * server per variant, the CLI in a child process, exactly as a vendor would run it) and reads
 * which checks failed from report.json. Variants run in small concurrent batches.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveVariant, type Variant, type VariantKind } from '../../models/variants/index.js';
import { progressRun } from '../support/progress-run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(root, 'bin/tunnel-conformance.js');

export interface RunSettings {
  profile: 'quick' | 'standard' | 'full';
  seed: number;
  /** variants served and tested at once */
  concurrency: number;
  reportRoot: string;
  /** a run still going after this long is killed and counts as "could not run" */
  timeoutMs: number;
  /**
   * A fault's run is cancelled (SIGTERM, as a user's Ctrl-C) once it prints its first failed
   * check's verdict: caught is then settled, and the rest of the run would only say by what else.
   */
  firstFailure?: boolean;
}

export interface VariantOutcome {
  name: string;
  kind: VariantKind;
  /** exit status of `tunnel-conformance run`; null when it was killed at the timeout */
  exitCode: number | null;
  /** ids of the checks report.json marks failed */
  caughtBy: string[];
  durationMs: number;
  /** the last stderr line when the run could not be carried out */
  reason?: string;
  /** the longest counterexample report.json holds, in JSON characters, and the check that reported it */
  largestCounterexample?: { check: string; chars: number };
  /** the run was cancelled after its first failed check (RunSettings.firstFailure): caughtBy is what failed by then */
  stoppedAtFailure?: boolean;
}

interface Report {
  checks: { id: string; status: string; failure?: { counterexample?: unknown } }[];
}

/** Failed checks in report.json, and its longest counterexample; a run that could not finish may still have written one. */
function readReport(path: string): Pick<VariantOutcome, 'caughtBy' | 'largestCounterexample'> {
  if (!existsSync(path)) return { caughtBy: [] };
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  const failed = report.checks.filter((c) => c.status === 'failed');
  const sizes = failed.map((c) => ({ check: c.id, chars: JSON.stringify(c.failure?.counterexample ?? null).length }));
  const largest = sizes.reduce<(typeof sizes)[number] | undefined>((a, b) => (a && a.chars >= b.chars ? a : b), undefined);
  return { caughtBy: failed.map((c) => c.id), ...(largest ? { largestCounterexample: largest } : {}) };
}

/** A check's final verdict line in the run's progress (not the early `FAIL <id> (shrinking)` one). */
const FAILED_CHECK_LINE = /^FAIL \S+ \(\d+ ms\)/;

export async function runVariant(variant: Variant, settings: RunSettings): Promise<VariantOutcome> {
  const reportDir = join(settings.reportRoot, variant.name);
  mkdirSync(reportDir, { recursive: true });
  const server = await serveVariant(variant);
  const started = performance.now();
  try {
    const args = ['run', '--target', server.url, '--profile', settings.profile, '--seed', String(settings.seed), '--report-dir', reportDir];
    const stopAtFailure = Boolean(settings.firstFailure) && variant.kind === 'fault';
    const { code, stderr, stoppedAt } = await progressRun(process.execPath, [BIN, ...args], {
      cwd: root,
      timeoutMs: settings.timeoutMs,
      onLine: (line) => (stopAtFailure && FAILED_CHECK_LINE.test(line) ? 'SIGTERM' : undefined),
    });
    const durationMs = Math.round(performance.now() - started);
    const report = readReport(join(reportDir, 'report.json'));
    const stoppedAtFailure = stoppedAt !== undefined && report.caughtBy.length > 0;
    return {
      name: variant.name,
      kind: variant.kind,
      exitCode: code,
      durationMs,
      ...report,
      ...(stoppedAtFailure ? { stoppedAtFailure } : {}),
      ...(code === 0 || code === 1 || stoppedAtFailure ? {} : { reason: stderr.trim().split('\n').at(-1) || `exit ${code}` }),
    };
  } finally {
    await server.close();
  }
}

/** Every variant, `concurrency` at a time, in catalogue order. */
export async function runVariants(variants: Variant[], settings: RunSettings): Promise<VariantOutcome[]> {
  const outcomes: VariantOutcome[] = new Array(variants.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < variants.length; i = next++) outcomes[i] = await runVariant(variants[i], settings);
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, variants.length) }, worker));
  return outcomes;
}

/** The one profile and seed the kill matrix is measured at, by `npm run kill-matrix` and by `npm test` alike. */
export const SELF_VALIDATION: Omit<RunSettings, 'reportRoot'> = { profile: 'quick', seed: 1, concurrency: 2, timeoutMs: 300_000 };

export interface SelfValidation {
  settings: RunSettings;
  outcomes: VariantOutcome[];
  totalMs: number;
}

/** A run of the standard or full profile makes many more calls per check: its time limit grows with it. */
const TIMEOUT_MS: Record<RunSettings['profile'], number> = { quick: 300_000, standard: 1_200_000, full: 3_600_000 };

/**
 * Every variant at the self-validation settings (or another profile and seed, for
 * `npm run kill-matrix -- --seeds N --profile P`), its reports in a temporary folder removed afterwards.
 */
export async function selfValidate(variants: Variant[], at: Partial<Pick<RunSettings, 'profile' | 'seed' | 'firstFailure'>> = {}): Promise<SelfValidation> {
  const profile = at.profile ?? SELF_VALIDATION.profile;
  const timeoutMs = profile === SELF_VALIDATION.profile ? SELF_VALIDATION.timeoutMs : TIMEOUT_MS[profile];
  const settings: RunSettings = { ...SELF_VALIDATION, ...at, timeoutMs, reportRoot: mkdtempSync(join(tmpdir(), 'tc-self-validation-')) };
  const started = performance.now();
  try {
    const outcomes = await runVariants(variants, settings);
    return { settings, outcomes, totalMs: performance.now() - started };
  } finally {
    rmSync(settings.reportRoot, { recursive: true, force: true });
  }
}
