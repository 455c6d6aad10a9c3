/**
 * Runs the selected checks in a worker thread (thread-entry.ts) and hands what it posts to the
 * run's reporter. The thread is started first (`prepareThread`), so that it loads the checks on
 * the other core while the calling process reaches the target, and is handed the config after. Cancellable through `signal`: the thread stops before its next check and cleans
 * up; a check in the middle of a long call does not see that, so past a grace period the thread
 * is torn down and the calling process cleans up from the ledger.
 */
import { Worker } from 'node:worker_threads';
import { moduleExt, moduleUrl } from '../paths.js';
import type { HostMessage, RunConfig, ThreadMessage } from './config.js';
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

export function runChecksInThread(prepared: PreparedThread, config: RunConfig, reporter: RunReporter, signal?: AbortSignal): Promise<{ interrupted: boolean }> {
  if (signal?.aborted) return Promise.resolve({ interrupted: true });
  let interrupted = false;
  const thread = prepared.worker;
  reporter.runStarted();
  return new Promise((resolve) => {
    let grace: NodeJS.Timeout | undefined;
    let ended = false;
    const end = async (error?: string) => {
      if (ended) return;
      ended = true;
      clearTimeout(grace);
      signal?.removeEventListener('abort', onAbort);
      if (error) reporter.error(error);
      // Nothing of the thread may still write to the ledger while the calling process sweeps it.
      await thread.terminate();
      reporter.runEnded();
      resolve({ interrupted });
    };
    const onAbort = () => {
      interrupted = true;
      thread.postMessage({ type: 'cancel' } satisfies HostMessage);
      grace = setTimeout(() => void end(), CANCEL_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    thread.on('message', (m: ThreadMessage) => {
      if (m.type === 'check-started') reporter.checkStarted(m.id);
      else if (m.type === 'check-failing') reporter.checkFailing(m.id, m.message);
      else if (m.type === 'check-ended') reporter.checkEnded(m.outcome, m.telemetry);
      else if (m.type === 'check-broke') reporter.checkBroke(m.id, m.message, m.durationMs);
      else if (m.type === 'error') reporter.error(m.message);
      else void end();
    });
    thread.on('error', (e) => void end(firstLine(e)));
    thread.on('exit', () => void end(interrupted ? undefined : 'the worker thread stopped before the run ended'));
    if (prepared.failure) void end(prepared.failure);
    else thread.postMessage({ type: 'run', config } satisfies HostMessage);
  });
}
