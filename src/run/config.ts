/**
 * What the calling process hands the vitest worker that runs the checks (through vitest's
 * `provide`: plain data only), and what each check's test hands back in `task.meta`.
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
  reportDir: string;
  /** modules imported for their defineCheck side effects (default: suites/catalogue.ts) */
  checkModules: string[];
}

export interface CheckTelemetry {
  observations: Observation[];
  latencies: Partial<Record<OperationName, number[]>>;
  retries: number;
  calls: number;
  /** how long each `ctx.eventually` took to see what it waited for, in ms (0: the first read) */
  waits: number[];
}

declare module 'vitest' {
  interface ProvidedContext {
    tcRun: RunConfig;
  }
}

// TaskMeta is @vitest/runner's; vitest only re-exports it, and a re-export cannot be augmented.
declare module '@vitest/runner' {
  interface TaskMeta {
    tc?: CheckOutcome;
    tcTelemetry?: CheckTelemetry;
  }
}
