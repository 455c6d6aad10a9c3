/**
 * Time to detection: every faulty variant the kill matrix (docs/kill-matrix.md) lists as caught
 * is served on loopback and run with `--only` the checks that caught it; the time to the first
 * failing check and the size of its shrunk counterexample are read from report.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveVariant, variantNamed } from '../models/variants/index.js';
import { measureRun, root } from './processes.js';

export interface CatchingRow {
  variant: string;
  caughtBy: string[];
}

/** Fault rows of the kill matrix's table that name at least one failed check. */
export function caughtFaults(markdown: string): CatchingRow[] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map((l) => l.split('|').map((c) => c.trim()))
    .filter((cells) => cells[2] === 'fault' && /^[A-Z]+-/.test(cells[4] ?? ''))
    .map((cells) => ({ variant: cells[1], caughtBy: cells[4].split(',').map((s) => s.trim()) }));
}

export interface Detection {
  variant: string;
  checks: string[];
  exitCode: number | null;
  /** durationMs of the first check that failed (its cases up to the failure, then shrinking) */
  detectMs?: number;
  /** JSON characters of that check's shrunk counterexample */
  counterexampleChars?: number;
  firstFailed?: string;
  wallMs: number;
}

const KILL_MATRIX = join(root, 'docs/kill-matrix.md');
export const readCaughtFaults = () => caughtFaults(readFileSync(KILL_MATRIX, 'utf8'));

export async function detect(row: CatchingRow, seed: number, timeoutMs: number): Promise<Detection> {
  const server = await serveVariant(variantNamed(row.variant));
  try {
    const m = await measureRun(['--target', server.url, '--profile', 'quick', '--seed', String(seed), '--only', row.caughtBy.join(',')], timeoutMs);
    const failed = m.report?.checks.find((c) => c.status === 'failed');
    return {
      variant: row.variant,
      checks: row.caughtBy,
      exitCode: m.exitCode,
      detectMs: failed?.durationMs,
      counterexampleChars: failed?.failure ? JSON.stringify(failed.failure.counterexample ?? null).length : undefined,
      firstFailed: failed?.id,
      wallMs: m.wallMs,
    };
  } finally {
    await server.close();
  }
}
