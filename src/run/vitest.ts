/**
 * Runs the conformance entry file in vitest with an inline configuration (never the project's
 * vitest.config.ts) and the run config provided to the worker. Cancellable through `signal`.
 */
import { fileURLToPath } from 'node:url';
import { createVitest } from 'vitest/node';
import type { RunConfig } from './config.js';
import type { RunReporter } from './reporter.js';
import { moduleExt, moduleRoot } from '../paths.js';

// The module tree's root: the repository, or dist/ in the compiled package (where the entry is .js).
const root = fileURLToPath(moduleRoot);
export const ENTRY = `src/run/conformance.check${moduleExt}`;
export const CANCEL_GRACE_MS = 5_000;

export async function runChecksInVitest(config: RunConfig, reporter: RunReporter, signal?: AbortSignal): Promise<{ interrupted: boolean }> {
  let interrupted = signal?.aborted ?? false;
  if (interrupted) return { interrupted };
  const exitCode = process.exitCode;
  // vitest's logger exits the process on SIGINT/SIGTERM; the caller owns those signals (the CLI
  // turns them into `signal`), because the cleanup and the report must still happen. Held from
  // before vitest is created until after it is closed: a signal can come at any moment.
  const releaseSignals = keepSignalsOurs();
  try {
    const vitest = await createVitest(
      'test',
      {
        config: false,
        root,
        include: [ENTRY],
        watch: false,
        reporters: [reporter],
        provide: { tcRun: config },
        // One worker: the checks share the target, the tunnel budget and the ledger.
        maxWorkers: 1,
        // A worker thread starts in a fraction of the time of a forked process (docs/performance.md);
        // the checks only need a module registry of their own, which a thread has.
        pool: 'threads',
        // The transformed suite modules are kept on disk between runs: a run of unchanged sources
        // skips vite's transform of every check, generator and spec module. The compiled package
        // has nothing to transform, and writes nothing into its own (maybe read-only) directory.
        experimental: { fsModuleCache: moduleExt === '.ts' },
        ...(moduleExt === '.js' && { cache: false as const }),
        fileParallelism: false,
        isolate: false,
        testTimeout: 3_600_000,
        hookTimeout: 600_000,
        passWithNoTests: true,
        coverage: { enabled: false },
      },
      { server: { watch: null } },
    );
    let forceStop!: () => void;
    const stopped = new Promise<void>((resolve) => (forceStop = resolve));
    let grace: NodeJS.Timeout | undefined;
    const onAbort = () => {
      interrupted = true;
      void vitest.cancelCurrentRun('keyboard-input');
      // A check in the middle of a long call does not see the cancel: past the grace period the
      // worker is torn down, and the calling process cleans up from the ledger.
      grace = setTimeout(forceStop, CANCEL_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // A signal while vitest was being created: nothing has run, and nothing will.
      if (signal?.aborted) interrupted = true;
      else {
        const run = vitest.start([]);
        run.catch(() => {});
        await Promise.race([run, stopped]);
      }
    } finally {
      clearTimeout(grace);
      signal?.removeEventListener('abort', onAbort);
      await vitest.close();
      // vitest marks failed tests in the exit code; the verdict of a run is ours to give.
      process.exitCode = exitCode;
    }
  } finally {
    releaseSignals();
  }
  return { interrupted };
}

const SIGNALS: readonly (string | symbol)[] = ['SIGINT', 'SIGTERM'];

/**
 * Until released, takes off every SIGINT/SIGTERM listener added from now on, in the microtask
 * after it was added: before any signal can be delivered, since signals arrive as macrotasks.
 */
function keepSignalsOurs(): () => void {
  const onNewListener = (event: string | symbol, listener: (...args: unknown[]) => void) => {
    if (SIGNALS.includes(event)) queueMicrotask(() => process.off(event as NodeJS.Signals, listener));
  };
  process.on('newListener', onNewListener);
  return () => void process.off('newListener', onNewListener);
}
