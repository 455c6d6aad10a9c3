/**
 * The check registry. Like Schemathesis's checks, every check is one named definition with its
 * own documentation: a stable id, a title, a level, the sentence or model trait it rests on,
 * and the operations it touches. `run --plan`, the docs' catalogue table and the reports are
 * all generated from these definitions.
 */
import type { OperationName } from '../specs/index.js';
import type { Capabilities, Target } from '../src/targets/target.js';

export type Level = 'MUST' | 'SHOULD';
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'expected-failure';
export type Profile = 'quick' | 'standard' | 'full';

export interface CheckFailure {
  message: string;
  /** the shrunk counterexample (never containing an access token) */
  counterexample: unknown;
  /** the run seed: `--seed` with `--only <id>` replays this exact failure */
  seed: number;
  /** fast-check's path to the shrunk case, when the check is a property */
  path?: string;
  replay: string;
}

/** What a check's test stores in vitest's `task.meta.tc`, read by the run's reporter. */
export interface CheckOutcome {
  id: string;
  status: Exclude<CheckStatus, 'expected-failure'>;
  durationMs: number;
  calls: number;
  tunnelsOpened: number;
  skipReason?: string;
  failure?: CheckFailure;
}

export interface Observation {
  id: string;
  question: string;
  answer: unknown;
}

export interface CheckContext {
  target: Target;
  capabilities: Capabilities;
  profile: Profile;
  runId: string;
  /** fast-check parameters for this check: seed derived from the run seed and the check id */
  fc: { seed: number; numRuns: number; endOnFailure?: boolean };
  /** Opens a tunnel for the run: tags it with the run id, journals it, counts it against the budget. */
  openTunnel(input?: Record<string, unknown>): Promise<import('../src/targets/target.js').CallResult>;
  observe(observation: Observation): void;
  /** Ends the check as skipped with a stated reason (never a silent pass). */
  skip(reason: string): never;
}

export interface CheckDefinition {
  id: string;
  title: string;
  level: Level;
  /** the model trait (`smithy.api#length on TagKey`) or documented sentence the check rests on */
  source: string;
  operations: OperationName[];
  /** upper bounds for --plan and the tunnel budget, given the runs per property */
  cost(runs: number): { tunnels: number; calls: number };
  run(ctx: CheckContext): Promise<void>;
}

const registry = new Map<string, CheckDefinition>();

export function defineCheck(check: CheckDefinition): CheckDefinition {
  if (!/^(OPEN|CLOSE|DESCRIBE|LIST|ROTATE|TAG|ERR|LIFE|WIRE|MODEL)-[A-Z0-9-]+-\d{3}$/.test(check.id)) {
    throw new Error(`check id ${check.id} does not follow PREFIX-NAME-NNN`);
  }
  if (registry.has(check.id)) throw new Error(`duplicate check id ${check.id}`);
  registry.set(check.id, check);
  return check;
}

export const allChecks = (): CheckDefinition[] => [...registry.values()];
