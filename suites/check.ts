/**
 * The check registry. Like Schemathesis's checks, every check is one named definition with its
 * own documentation: a stable id, a title, a level, the sentence or model trait it rests on,
 * and the operations it touches. `run --plan`, the docs' catalogue table and the reports are
 * all generated from these definitions.
 */
import type { OperationName } from '../specs/index.js';
import type { CallResult, Capabilities, Target } from '../src/targets/target.js';

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

/** The tag every tunnel a run opens carries, so `sweep --run-id` can find what a killed run left. */
export const RUN_ID_TAG_KEY = 'tunnel-conformance:run-id';

/** Ends a check without a verdict: never a counterexample, never a silent pass. */
export class CheckInterrupted extends Error {}
/** The run's tunnel budget (--max-tunnels) is spent: the check is reported as not run. */
export class BudgetExhausted extends CheckInterrupted {}
/** `ctx.skip(reason)`: the check cannot run on this target (e.g. no clock control). */
export class CheckSkipped extends CheckInterrupted {}

export interface CheckContext {
  target: Target;
  capabilities: Capabilities;
  profile: Profile;
  runId: string;
  /** fast-check parameters for this check: seed derived from the run seed and the check id */
  fc: { seed: number; numRuns: number; endOnFailure?: boolean };
  /**
   * Opens a tunnel for the run: adds the run-id tag, journals it in the ledger before the next
   * call, counts it against the budget (throws BudgetExhausted past it). `sent` is the input as
   * really sent (with the run-id tag), for round-trip comparisons.
   */
  openTunnel(input?: Record<string, unknown>): Promise<{ result: CallResult; sent: Record<string, unknown> }>;
  /**
   * Polls `probe` until it returns a value (not undefined) within the read-after-write window; reports how long it took.
   * When the window passes, the check fails with `timedOut()` if given (it may quote what the last poll saw),
   * else with "`what`: not seen". An error the probe throws ends the wait and the check, as it is.
   */
  eventually<T>(what: string, probe: () => Promise<T | undefined>, timedOut?: () => string): Promise<T>;
  observe(observation: Observation): void;
  /** Ends the check as skipped with a stated reason (never a silent pass). */
  skip(reason: string): never;
}

export interface CheckDefinition {
  /** stable: never derived from a list position, so that --expect files and report diffs survive new checks */
  id: string;
  /**
   * Ids this check had before a rename, kept for one release: --only, --skip and --expect accept
   * them with a deprecation note, docs/checks.md lists them, and `report diff` pairs them.
   */
  formerly?: string[];
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
  // Current and former ids share one namespace: an id a user writes must name exactly one check.
  for (const id of [check.id, ...(check.formerly ?? [])]) {
    const holder = [...registry.values()].find((c) => c.id === id || c.formerly?.includes(id));
    if (holder) throw new Error(`check ${check.id}: id ${id} is taken by ${holder.id}`);
  }
  registry.set(check.id, check);
  return check;
}

export const allChecks = (): CheckDefinition[] => [...registry.values()];
