/**
 * `tunnel-conformance run`: options → plan or run → summary on stdout, exit status. SIGINT and
 * SIGTERM cancel the checks but never the cleanup: the run still closes what it opened.
 */
import { join } from 'node:path';
import { DEFAULT_REPORT_DIR, executeRun, exitCodeOf, notJudged, planConformance, type RunOptions, type RunResult } from '../run/conformance.js';
import { parseRunArgs, RUN_USAGE } from './run-options.js';
import { formatPlan } from '../run/plan.js';

/** `base` lets tests supply options the command line does not carry (their own check modules). */
export async function runCommand(args: string[], base: RunOptions = {}): Promise<number> {
  const parsed = parseRunArgs(args);
  if (parsed.help) {
    console.log(RUN_USAGE);
    return 0;
  }
  const options: RunOptions = { ...base, ...parsed.options, progress: process.stderr };
  try {
    if (parsed.plan) {
      console.log(formatPlan(await planConformance(options)));
      return 0;
    }
    const result = await withSignals((signal) =>
      executeRun({ ...options, signal }, (c) => console.log(`tunnel-conformance run: target ${c.targetSpec}, profile ${c.profile}, seed ${c.seed}, run id ${c.runId}`)),
    );
    summarise(result, options.reportDir ?? DEFAULT_REPORT_DIR);
    return exitCodeOf(result);
  } catch (e) {
    console.error(`tunnel-conformance run: ${(e as Error).message.split('\n')[0]}`);
    return 2;
  }
}

async function withSignals<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let received = 0;
  const onSignal = (name: NodeJS.Signals) => {
    received++;
    // A second signal means "now": the ledger on disk is what `sweep --report-dir` reads.
    if (received > 1) process.exit(2);
    console.error(`tunnel-conformance run: ${name}: cancelling the checks, then closing the tunnels this run opened`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await body(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function summarise({ report, interrupted, errors }: RunResult, reportDir: string) {
  for (const c of report.checks) {
    if (c.status === 'failed' && c.failure) {
      console.log(`\nFAILED ${c.id}: ${c.title}\n  ${c.failure.message.split('\n')[0]}\n  replay: ${c.failure.replay}`);
    }
  }
  for (const id of report.unexpectedPasses ?? []) {
    console.error(`tunnel-conformance run: ${id} is listed in --expect but passed: remove it from the list`);
  }
  const s = report.summary;
  const r = report.resources;
  console.log(
    `\n${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.expectedFailures} expected failures` +
      ` · tunnels opened ${r.opened}, cleaned up ${r.cleanedUp}${r.leaked.length ? `, LEAKED ${r.leaked.join(' ')}` : ''}` +
      ` · seed ${report.seed} · report ${join(reportDir, 'report.json')}`,
  );
  const unjudged = notJudged(report);
  if (unjudged.length && s.failed === 0) console.error(`tunnel-conformance run: ${unjudged.length} checks not judged, the target kept throttling past the retry budget (${unjudged.join(', ')}): run again, or with fewer checks at once`);
  if (r.leaked.length) console.error(`tunnel-conformance run: ${r.leaked.length} tunnels left open: tunnel-conformance sweep --target ${report.target.endpoint} --report-dir ${reportDir}`);
  if (interrupted) console.error('tunnel-conformance run: interrupted');
  if (errors.length) console.error(`tunnel-conformance run: ${errors[0]}`);
}
