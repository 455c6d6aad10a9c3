/**
 * `tunnel-conformance report diff A.json B.json`: compares two runs. Exit 1 when a check newly
 * fails (a CI gate on regressions), 0 otherwise, 2 when an input cannot be read or is not a
 * report (one line, via UsageError).
 */
import { readFile } from 'node:fs/promises';
import { diffReports, formatDiff, hasNewFailures } from '../../reports/diff.js';
import { redact } from '../../reports/redact.js';
import type { Report } from '../../reports/types.js';
import { validateReport } from '../../reports/validate.js';
import { parse, UsageError } from './args.js';

const USAGE = `usage: tunnel-conformance report diff A.json B.json

  Compares two report.json files: newly failing and newly passing checks, other status
  changes, checks added or removed, and observations whose answer changed.
  exit status: 0 nothing newly fails, 1 a check newly fails, 2 an input is unreadable or invalid`;

async function readReport(file: string): Promise<Report> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  const errors = validateReport(value);
  if (errors.length) throw new UsageError(`${file} is not a valid report.json: ${errors[0]}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`);
  // reports written by other tools or older versions may still hold a token: never print one
  return redact(value as Report);
}

export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [sub, ...files] = positionals;
  if (sub !== 'diff') throw new UsageError(sub ? `unknown subcommand "${sub}" (diff)` : 'missing subcommand (diff A.json B.json)');
  if (files.length !== 2) throw new UsageError(`diff takes two report.json files, got ${files.length}`);
  // Both read at once, but an unreadable A is named before B, whichever failed first.
  const reads = await Promise.allSettled(files.map(readReport));
  const unreadable = reads.find((r) => r.status === 'rejected');
  if (unreadable) throw unreadable.reason;
  const [a, b] = reads.map((r) => (r as PromiseFulfilledResult<Report>).value);
  const diff = diffReports(a, b);
  process.stdout.write(formatDiff(diff, a, b));
  return hasNewFailures(diff) ? 1 : 0;
}
