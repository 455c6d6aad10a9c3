/**
 * Time to detection without prior knowledge: every faulty variant the kill matrix
 * (docs/kill-matrix.md) lists as caught is served on loopback and given a full standard run (no
 * `--only`: the run does not know which checks catch it), timed from spawn to the first failed
 * check's verdict as the run prints it (`FAIL <id> (shrinking)` as soon as a case has failed,
 * or the check's own line when it fails without a property); the run is then interrupted. The size of that check's
 * shrunk counterexample is read from report.json (written on interruption too).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { serveVariant, variantNamed } from '../models/variants/index.js';
import { measureRun, root } from './processes.js';

export interface CatchingRow {
  variant: string;
  caughtBy: string[];
}

/** Fault rows of the kill matrix's table that name at least one failed check; columns found by their heading, wherever they stand. */
export function caughtFaults(markdown: string): CatchingRow[] {
  const [heading, ...rows] = markdown
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map((l) => l.split('|').map((c) => c.trim()));
  const kind = heading.indexOf('kind');
  const caughtBy = heading.findIndex((h) => h.startsWith('caught by'));
  return rows
    .filter((cells) => cells[kind] === 'fault' && /^[A-Z]+-/.test(cells[caughtBy] ?? ''))
    .map((cells) => ({ variant: cells[1], caughtBy: cells[caughtBy].split(',').map((s) => s.trim()) }));
}

export interface Detection {
  variant: string;
  /** the checks the kill matrix names: not given to the run, shown beside what it found */
  checks: string[];
  exitCode: number | null;
  /** spawn to the first failed check's verdict; undefined: the run found nothing */
  detectMs?: number;
  /** JSON characters of that check's shrunk counterexample */
  counterexampleChars?: number;
  firstFailed?: string;
  wallMs: number;
  /** the 1-minute load average when the run ended */
  load: number;
}

const KILL_MATRIX = join(root, 'docs/kill-matrix.md');
export const readCaughtFaults = () => caughtFaults(readFileSync(KILL_MATRIX, 'utf8'));

export async function detect(row: CatchingRow, seed: number, timeoutMs: number): Promise<Detection> {
  const server = await serveVariant(variantNamed(row.variant));
  try {
    const m = await measureRun(['--target', server.url, '--profile', 'standard', '--seed', String(seed)], timeoutMs, { stopAtFirstFailure: true });
    const failed = m.report?.checks.find((c) => c.id === m.firstFailed);
    return {
      variant: row.variant,
      checks: row.caughtBy,
      exitCode: m.exitCode,
      detectMs: m.firstFailureMs,
      counterexampleChars: failed?.failure ? JSON.stringify(failed.failure.counterexample ?? null).length : undefined,
      firstFailed: m.firstFailed,
      wallMs: m.wallMs,
      load: round2(loadavg()[0]),
    };
  } finally {
    await server.close();
  }
}

const round2 = (v: number) => Math.round(v * 100) / 100;
