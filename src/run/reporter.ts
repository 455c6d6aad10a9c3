/**
 * The vitest reporter of a conformance run: collects each check's outcome from `task.meta`,
 * and shows progress (one live line on a TTY, plain lines otherwise, e.g. in CI).
 */
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';
import type { CheckOutcome } from '../../suites/api.js';
import type { CheckTelemetry } from './config.js';
import './config.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class RunReporter implements Reporter {
  readonly outcomes = new Map<string, CheckOutcome>();
  readonly telemetry: CheckTelemetry[] = [];
  /** errors outside any check (the entry file failed to load, the target could not be built) */
  readonly errors: string[] = [];
  private started = Date.now();
  private current = '';
  private failures = 0;

  private readonly live: boolean;

  constructor(
    private readonly total: number,
    private readonly stream?: ProgressStream,
    /** the seed and replay command a failure outside the check's own code reports */
    private readonly replay: { seed: number; command: (id: string) => string } = { seed: 0, command: () => '' },
  ) {
    this.live = Boolean(stream?.isTTY) && !process.env.CI;
  }

  onTestRunStart() {
    this.started = Date.now();
  }

  onTestCaseReady(testCase: TestCase) {
    this.current = testCase.name.split(':')[0];
    this.redraw();
  }

  onTestCaseResult(testCase: TestCase) {
    const meta = testCase.meta();
    const result = testCase.result();
    const id = testCase.name.split(':')[0];
    let outcome = meta.tc;
    if (!outcome && result.state === 'failed') {
      // The check's own code never reached a verdict: the worker itself broke.
      const message = result.errors?.[0]?.message ?? 'the check did not finish';
      outcome = { id, status: 'failed', durationMs: testCase.diagnostic()?.duration ?? 0, calls: 0, tunnelsOpened: 0, failure: { message, counterexample: null, seed: this.replay.seed, replay: this.replay.command(id) } };
    }
    if (!outcome) return;
    this.outcomes.set(outcome.id, outcome);
    if (meta.tcTelemetry) this.telemetry.push(meta.tcTelemetry);
    if (outcome.status === 'failed') this.failures++;
    if (!this.live) {
      const mark = outcome.status === 'passed' ? 'ok  ' : outcome.status === 'failed' ? 'FAIL' : 'skip';
      const why = outcome.failure?.message ?? outcome.skipReason;
      this.stream?.write(`${mark} ${outcome.id} (${Math.round(outcome.durationMs)} ms)${why ? `: ${why.split('\n')[0]}` : ''}\n`);
    }
    this.redraw();
  }

  onTestModuleEnd(testModule: TestModule) {
    for (const e of testModule.errors()) this.errors.push(firstLine(e));
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>) {
    for (const e of unhandledErrors) this.errors.push(firstLine(e));
    if (this.live) this.stream?.write('\r\x1b[2K');
  }

  private redraw() {
    if (!this.live) return;
    const elapsed = ((Date.now() - this.started) / 1000).toFixed(1);
    this.stream?.write(`\r\x1b[2K${this.current} ${this.outcomes.size}/${this.total} ${elapsed}s ${this.failures} failed`);
  }
}

const firstLine = (e: SerializedError) => `${e.name ?? 'Error'}: ${String(e.message ?? '').split('\n')[0]}`;
