/**
 * The processes the bench measures: `tunnel-conformance run` (wrapped in `/usr/bin/time -v` when
 * present, for its peak memory; with the first-call probe preloaded, for its start-up) and
 * `tunnel-conformance serve --port 0`, both as the installed package runs them: the compiled
 * JavaScript of dist/ (`buildPackage` first), with no TypeScript loader.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../reports/types.js';
import { progressRun } from '../test/support/progress-run.js';

export const root = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(root, 'bench/compiled-cli.mjs');
const PROBE = join(root, 'bench/first-call-probe.mjs');
const GNU_TIME = '/usr/bin/time';
/** Any failed check's line, the early `FAIL <id> (shrinking): …` included: the moment a fault is known. */
const FIRST_FAIL = /^FAIL (\S+) /;

/** `npm run build`: dist/ from the current sources, what `npm pack` ships. */
export function buildPackage(): void {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface RunMeasurement {
  exitCode: number | null;
  wallMs: number;
  /** spawn to the first service call of any process of the run; undefined: no call was made */
  startupMs?: number;
  /** undefined when /usr/bin/time is absent */
  peakRssMb?: number;
  report?: Report;
  stderr: string;
  /** with `stopAtFirstFailure`: spawn to the first `FAIL <id>` line of the run's progress: a verdict, printed before any shrinking */
  firstFailureMs?: number;
  firstFailed?: string;
}

export interface MeasureOptions {
  /**
   * Watch the run's progress (one line per check, as each check ends) and interrupt the run
   * (SIGINT: cleanup and the report still happen) once a check has failed. Not wrapped in
   * /usr/bin/time then, so that the signal reaches the run itself.
   */
  stopAtFirstFailure?: boolean;
  /** TC_BENCH_RECORD for the run: the file the probe appends the run's requests to */
  recordFile?: string;
}

/** One `tunnel-conformance run` with `args` (a --report-dir is added), killed after `timeoutMs`. */
export async function measureRun(args: string[], timeoutMs: number, options: MeasureOptions = {}): Promise<RunMeasurement> {
  const dir = mkdtempSync(join(tmpdir(), 'tc-bench-'));
  const probe = join(dir, 'probe.txt');
  const reportDir = join(dir, 'report');
  const command = [process.execPath, BIN, 'run', ...args, '--report-dir', reportDir];
  const timed = existsSync(GNU_TIME) && !options.stopAtFirstFailure;
  const env = { ...process.env, TC_BENCH_PROBE: probe, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PROBE}`.trim(), ...(options.recordFile && { TC_BENCH_RECORD: options.recordFile }) };
  const started = Date.now();
  const { code, stderr, stoppedAt } = await progressRun(timed ? GNU_TIME : command[0], timed ? ['-v', ...command] : command.slice(1), {
    cwd: root,
    env,
    timeoutMs,
    onLine: (line) => (options.stopAtFirstFailure && FIRST_FAIL.test(line) ? 'SIGINT' : undefined),
  });
  const wallMs = Date.now() - started;
  try {
    const firstCall = existsSync(probe) ? readFileSync(probe, 'utf8').split('\n').filter((l) => l.startsWith('call ')).map((l) => Number(l.split(' ')[1])) : [];
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    const reportFile = join(reportDir, 'report.json');
    return {
      exitCode: code,
      wallMs,
      startupMs: firstCall.length ? Math.min(...firstCall) - started : undefined,
      peakRssMb: rss ? Number(rss[1]) / 1024 : undefined,
      report: existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as Report) : undefined,
      stderr,
      firstFailureMs: stoppedAt?.elapsedMs,
      firstFailed: stoppedAt && FIRST_FAIL.exec(stoppedAt.line)?.[1],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * `tunnel-conformance serve --port 0` as a child process, resolved once it prints its URL. With
 * `recordFile`, the probe in it appends each tunnel it opens there (see first-call-probe.mjs).
 */
export function startServe(timeoutMs = 60_000, recordFile?: string): Promise<Served> {
  const env = recordFile ? { ...process.env, TC_BENCH_RECORD: recordFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PROBE}`.trim() } : process.env;
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error('serve did not start in time'));
    }, timeoutMs);
    child.once('error', reject);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /^listening on (\S+)$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1],
        close: async () => {
          child.kill('SIGTERM');
          await closed;
        },
      });
    });
  });
}
