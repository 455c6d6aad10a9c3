/**
 * What the calling process hands the worker thread that runs the checks (as `workerData`: plain
 * data only), and the messages the thread sends back as the run goes.
 */
import type { OperationName } from '../../specs/index.js';
import type { Capabilities, CheckOutcome, Observation, Profile } from '../../suites/api.js';
import type { Connection } from '../targets/index.js';

export interface RunConfig {
  connection: Connection;
  /** `--target` as the user wrote it, for replay commands */
  targetSpec: string;
  capabilities: Capabilities;
  /** where a data plane was looked for and none found: what answered there (the data-plane checks' skip reason) */
  dataPlaneAbsence?: string;
  runId: string;
  seed: number;
  profile: Profile;
  /** fast-check runs per property for this profile and target */
  numRuns: number;
  /** `--path`: fast-check's path to a shrunk case of the one selected check, replayed directly */
  path?: string;
  /** ids of the selected checks, in catalogue order */
  selected: string[];
  /** tunnels the whole run may open; undefined: unlimited */
  maxTunnels?: number;
  /** worker threads running the checks side by side (lanes.ts); absent: one */
  lanes?: number;
  reportDir: string;
}

export interface CheckTelemetry {
  observations: Observation[];
  latencies: Partial<Record<OperationName, number[]>>;
  retries: number;
  calls: number;
  /** how long each `ctx.eventually` took to see what it waited for, in ms (0: the first read) */
  waits: number[];
}

/** From the worker thread to the calling process, in the order things happen. */
export type ThreadMessage =
  | { type: 'check-started'; id: string }
  /** a case failed; the check is shrinking it */
  | { type: 'check-failing'; id: string; message: string }
  | { type: 'check-ended'; outcome: CheckOutcome; telemetry: CheckTelemetry }
  /** the check's own code never reached a verdict: the worker itself broke */
  | { type: 'check-broke'; id: string; message: string; durationMs: number }
  /** outside any check: the check modules failed to load, the target could not be built */
  | { type: 'error'; message: string }
  /** the tunnels are cleaned up and the target closed: nothing more will come */
  | { type: 'done' };

/**
 * From the calling process: the run's config (its `runId` the lane's own), once it is settled,
 * with the memory the lanes share (lanes.ts); then maybe a cancel (stop before the next check;
 * the cleanup still runs).
 */
export type HostMessage = { type: 'run'; config: RunConfig; lane: number; lanes: SharedArrayBuffer } | { type: 'cancel' };
