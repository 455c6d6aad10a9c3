/**
 * A child process watched line by line on stderr, where `tunnel-conformance run` prints its
 * progress: the kill matrix and the bench both spawn runs and stop one at a failed check's line,
 * each by its own rule (the matrix at the final verdict, so the report holds the counterexample;
 * the bench at the first `FAIL`, the moment a fault is known).
 */
import { spawn } from 'node:child_process';

export interface ProgressRunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** killed with SIGTERM after this long */
  timeoutMs: number;
  /** each complete stderr line, with the ms since spawn; a signal returned stops the child with it (once) */
  onLine?: (line: string, elapsedMs: number) => NodeJS.Signals | undefined;
}

export interface ProgressRunResult {
  code: number | null;
  /** the signal that ended the child, if one did */
  signal: NodeJS.Signals | null;
  /** stderr's last 20,000 characters */
  stderr: string;
  /** the line `onLine` stopped the child at, and when */
  stoppedAt?: { line: string; elapsedMs: number };
}

const STDERR_KEPT = 20_000;

export function progressRun(command: string, args: string[], options: ProgressRunOptions): Promise<ProgressRunResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let partial = '';
    let stoppedAt: ProgressRunResult['stoppedAt'];
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      stderr = (stderr + text).slice(-STDERR_KEPT);
      if (!options.onLine || stoppedAt) return;
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        const elapsedMs = Date.now() - started;
        const signal = options.onLine(line, elapsedMs);
        if (!signal) continue;
        stoppedAt = { line, elapsedMs };
        child.kill(signal);
        return;
      }
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, ...(stoppedAt && { stoppedAt }) });
    });
  });
}
