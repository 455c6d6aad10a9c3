/**
 * The reporter of a conformance run: collects each check's outcome as the worker thread posts
 * it, and shows progress (one live line on a TTY, plain lines otherwise, e.g. in CI).
 */
import type { CheckOutcome } from '../../suites/api.js';
import type { CheckTelemetry } from './config.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class RunReporter {
  readonly outcomes = new Map<string, CheckOutcome>();
  readonly telemetry: CheckTelemetry[] = [];
  /** errors outside any check (the check modules failed to load, the target could not be built) */
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

  runStarted() {
    this.started = Date.now();
  }

  checkStarted(id: string) {
    this.current = id;
    this.redraw();
  }

  /** The verdict as soon as it is known: shrinking the counterexample can take seconds more. */
  checkFailing(id: string, message: string) {
    if (this.live) {
      this.current = `${id} failing, shrinking`;
      this.redraw();
    } else this.stream?.write(`FAIL ${id} (shrinking): ${message.split('\n')[0]}\n`);
  }

  checkEnded(outcome: CheckOutcome, telemetry?: CheckTelemetry) {
    this.outcomes.set(outcome.id, outcome);
    if (telemetry) this.telemetry.push(telemetry);
    if (outcome.status === 'failed') this.failures++;
    if (!this.live) {
      const mark = outcome.status === 'passed' ? 'ok  ' : outcome.status === 'failed' ? 'FAIL' : 'skip';
      const why = outcome.failure?.message ?? outcome.skipReason;
      this.stream?.write(`${mark} ${outcome.id} (${Math.round(outcome.durationMs)} ms)${why ? `: ${why.split('\n')[0]}` : ''}\n`);
    }
    this.redraw();
  }

  /** The check's own code never reached a verdict: a failure all the same, with what broke. */
  checkBroke(id: string, message: string, durationMs: number) {
    this.checkEnded({ id, status: 'failed', durationMs, calls: 0, tunnelsOpened: 0, failure: { message, counterexample: null, seed: this.replay.seed, replay: this.replay.command(id) } });
  }

  error(message: string) {
    this.errors.push(message);
  }

  runEnded() {
    if (this.live) this.stream?.write('\r\x1b[2K');
  }

  private redraw() {
    if (!this.live) return;
    const elapsed = ((Date.now() - this.started) / 1000).toFixed(1);
    this.stream?.write(`\r\x1b[2K${this.current} ${this.outcomes.size}/${this.total} ${elapsed}s ${this.failures} failed`);
  }
}
