/**
 * Runs the selected checks in worker threads (thread-entry.ts), one per lane (lanes.ts), and hands
 * what they post to the run's reporter. The first thread is started before anything else
 * (`prepareThread`), so that it loads the checks on the other core while the calling process
 * reaches the target, and is handed the config after. Cancellable through `signal`: each thread
 * stops before its next check and cleans up; a check in the middle of a long call does not see
 * that, so past a grace period the threads are torn down and the calling process cleans up from
 * the ledger.
 */
import { Worker } from 'node:worker_threads';
import { moduleExt, moduleUrl } from '../paths.js';
import type { HostMessage, RunConfig, ThreadMessage } from './config.js';
import { laneMemory, laneRunId } from './lanes.js';
import type { RunReporter } from './reporter.js';

export const CANCEL_GRACE_MS = 5_000;

export interface PreparedThread {
  worker: Worker;
  /** what stopped the thread before it was given a run */
  failure?: string;
  /** Stops it, whether it ran or not. */
  close(): Promise<void>;
}

export function prepareThread(checkModules: string[]): PreparedThread {
  const entry = moduleUrl('src/run/thread-entry');
  const worker =
    moduleExt === '.js'
      ? new Worker(entry, { workerData: { checkModules } })
      : // From the sources, the TypeScript entry loads through tsx, registered in the thread first.
        new Worker(new URL('./thread-boot.mjs', import.meta.url), { workerData: { checkModules, entry: entry.href } });
  // Until a run listens, an error or an exit is kept: an unheard 'error' event would end the
  // process, and a run handed to a thread already gone would wait for it forever.
  const early = (e: Error) => (prepared.failure ??= firstLine(e));
  const gone = () => (prepared.failure ??= 'the worker thread stopped before the run began');
  worker.on('error', early);
  worker.once('exit', gone);
  const prepared: PreparedThread = {
    worker,
    async close() {
      await worker.terminate();
      worker.off('error', early).off('exit', gone);
    },
  };
  return prepared;
}

const firstLine = (e: Error) => `${e.name}: ${e.message.split('\n')[0]}`;

/**
 * Runs the checks in `threads` (the first already prepared) plus `more` lanes started once the
 * first has begun its first check, so that loading them does not delay the run's first call: each
 * thread is handed the config under its lane's run id and the memory the lanes share, and the
 * threads started here are added to `threads` for the caller to close. Ends when every lane has
 * cleaned up, or, once cancelled, when the grace period is over.
 */
export function runChecksInThreads(
  threads: PreparedThread[],
  more: { lanes: number; prepare: () => PreparedThread },
  config: RunConfig,
  reporter: RunReporter,
  signal?: AbortSignal,
): Promise<{ interrupted: boolean }> {
  if (signal?.aborted) return Promise.resolve({ interrupted: true });
  let interrupted = false;
  reporter.runStarted();
  const lanes = laneMemory();
  const count = threads.length + more.lanes;
  const run = { ...config, lanes: count };
  return new Promise((resolve) => {
    let grace: NodeJS.Timeout | undefined;
    let running = 0;
    const ends: (() => void)[] = [];
    const start = ({ worker: thread, failure }: PreparedThread, index: number) => {
      running++;
      let ended = false;
      const end = async (error?: string) => {
        if (ended) return;
        ended = true;
        if (error) reporter.error(error);
        // Nothing of the thread may still write to the ledger while the calling process sweeps it.
        await thread.terminate();
        if (--running > 0) return;
        clearTimeout(grace);
        signal?.removeEventListener('abort', onAbort);
        reporter.runEnded();
        resolve({ interrupted });
      };
      ends.push(() => void end());
      thread.on('message', (m: ThreadMessage) => {
        if (m.type === 'check-started') {
          if (index === 0 && threads.length < count && !interrupted) {
            while (threads.length < count) {
              const next = more.prepare();
              threads.push(next);
              start(next, threads.length - 1);
            }
          }
          reporter.checkStarted(m.id);
        } else if (m.type === 'check-failing') reporter.checkFailing(m.id, m.message);
        else if (m.type === 'check-ended') reporter.checkEnded(m.outcome, m.telemetry);
        else if (m.type === 'check-broke') reporter.checkBroke(m.id, m.message, m.durationMs);
        else if (m.type === 'error') reporter.error(m.message);
        else void end();
      });
      thread.on('error', (e) => void end(firstLine(e)));
      thread.on('exit', () => void end(interrupted ? undefined : 'the worker thread stopped before the run ended'));
      if (failure) void end(failure);
      else thread.postMessage({ type: 'run', config: { ...run, runId: laneRunId(config.runId, index) }, lane: index, lanes } satisfies HostMessage);
    };
    const onAbort = () => {
      interrupted = true;
      for (const t of threads) t.worker.postMessage({ type: 'cancel' } satisfies HostMessage);
      grace = setTimeout(() => ends.forEach((end) => end()), CANCEL_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    threads.forEach(start);
  });
}
