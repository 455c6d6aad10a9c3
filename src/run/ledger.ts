/**
 * The run's journal of tunnels, JSON lines in the report dir, appended synchronously so that a
 * tunnel is in the file before the call that opened it returns to the check, whatever kills the
 * run afterwards. Cleanup and `sweep --report-dir` read it back. An append is one write(2), not
 * an fsync: the line survives a terminated worker or a killed process (it is in the kernel's page
 * cache, which every reader sees), not a crash of the machine. Lines buffered in the worker to be
 * written together would die with it, so each is written as it comes.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const LEDGER_FILE = 'tunnels.jsonl';

export type LedgerEntry =
  | { event: 'opened'; runId: string; tunnelId: string; at: string }
  | { event: 'cleaned'; runId: string; tunnelId: string; at: string };

export const ledgerPath = (reportDir: string) => join(reportDir, LEDGER_FILE);

export function appendLedger(path: string, entry: Omit<LedgerEntry, 'at'>): void {
  const line = `${JSON.stringify({ ...entry, at: new Date().toISOString() })}\n`;
  try {
    appendFileSync(path, line);
  } catch (e) {
    // The directory is made when it is missing, not checked before every line.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(path), { recursive: true });
    appendFileSync(path, line);
  }
}

export function readLedger(path: string): LedgerEntry[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LedgerEntry];
      } catch {
        // A line cut short by a killed process: the tunnel it named is found by `sweep --run-id`.
        return [];
      }
    });
}

/** Opened tunnels of a run's lanes (or of every run in the file), split by whether they were cleaned. */
export function ledgerState(entries: LedgerEntry[], runIds?: readonly string[]) {
  const mine = runIds === undefined ? entries : entries.filter((e) => runIds.includes(e.runId));
  const opened = [...new Set(mine.filter((e) => e.event === 'opened').map((e) => e.tunnelId))];
  const cleaned = new Set(mine.filter((e) => e.event === 'cleaned').map((e) => e.tunnelId));
  return { opened, cleaned: opened.filter((id) => cleaned.has(id)), pending: opened.filter((id) => !cleaned.has(id)) };
}
