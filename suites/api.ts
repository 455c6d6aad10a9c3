/**
 * The one API between the checks and everything around them. Checks import what they use from
 * here (and the registry from check.ts); `src/targets` implements `CheckTarget`, `src/run` builds
 * the `CheckContext`, `reports/` reads the outcome types. Nothing here imports from `src/`, so
 * the layers stay one-way: specs → generators → suites → reports, with the run around them.
 */
import type { Arbitrary } from 'fast-check';
import type { OperationName } from '../specs/index.js';

export type Level = 'MUST' | 'SHOULD';
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'expected-failure';
export type Profile = 'quick' | 'standard' | 'full';

/**
 * One call's result in wire form (the JSON of awsJson1_1: timestamps are epoch seconds), because
 * that is what the derived schemas describe and what output validation needs.
 */
export type CallResult =
  | {
      ok: true;
      /** HTTP status when the target has an HTTP layer, else 200 */
      status: number;
      /** the response body as the target sent it (wire form) */
      output: Record<string, unknown>;
    }
  | {
      ok: false;
      /** HTTP status; undefined when the failure never reached HTTP (connection refused, timeout) */
      status: number | undefined;
      /** `__type` / `x-amzn-errortype` with any `prefix#` and `:suffix` removed, or a transport code (`NetworkError`) */
      code: string;
      message: string;
    };

/** What the target-control endpoint says the target offers (CONTRACT.md); all false when absent. */
export interface Capabilities {
  clock: boolean;
  reset: boolean;
  limits: boolean;
  /** a data plane (CONTRACT.md "Data plane"): the localproxy WebSocket proxy at `/tunnel` */
  dataPlane: boolean;
}

/** The target-control clock (CONTRACT.md). Another client may move it too, only forward. */
export interface Clock {
  /** The target's own now, in epoch seconds (`{"advanceSeconds": 0}`): never the caller's. */
  now(): Promise<number>;
  /** Moves the target's now forward; resolves to the new now. */
  advance(seconds: number): Promise<number>;
}

/** The target-control limits (CONTRACT.md). A check that sets one restores it (null) in a finally. */
export interface Limits {
  /** While `max` tunnels are OPEN, OpenTunnel must be LimitExceededException; null restores the target's default. */
  setMaxOpenTunnels(max: number | null): Promise<void>;
}

/** Where the target's data plane is: what a WebSocket client connects to. */
export interface DataPlane {
  /** `ws://…/tunnel` or `wss://…/tunnel`, without the query */
  readonly url: string;
  /** the certificate is not verified (a loopback emulator's self-signed one); never for the real service */
  readonly insecure: boolean;
}

/** What a check may do with the implementation under test: call it, and use the controls it offers. */
export interface CheckTarget {
  /** Sends one operation; throttling and 5xx are retried with backoff within a bounded time (LimitExceededException never). */
  call(op: OperationName, input: Record<string, unknown>): Promise<CallResult>;
  /** Present only when the target offers clock control. */
  readonly clock?: Clock;
  /** Present only when the target offers the limits control. */
  readonly limits?: Limits;
  /** Present only when the target has a data plane. */
  readonly dataPlane?: DataPlane;
}

/** "200 OK" or "400 ValidationException": how every message names an answer. */
export const answerText = (r: CallResult): string => (r.ok ? `${r.status} OK` : `${r.status ?? 'no status'} ${r.code}`);

/**
 * What kind of promise a failure broke, where a tool can tell: `answer` an operation answered what
 * it must not (a status or an error code), `shape` an output does not match its derived schema,
 * `state` what a read shows contradicts what a call answered, `pagination` ListTunnels' pages do
 * not add up.
 */
export type FailureKind = 'answer' | 'shape' | 'state' | 'pagination';

export interface FailureDetail {
  kind: FailureKind;
  operation?: OperationName;
  /** what the documentation or model promises, in words */
  expected?: string;
  /** what the target did, in words (an `answerText`, a value) */
  actual?: string;
}

/** A broken promise: the message for people, the detail for tools, the smallest input that shows it. */
export class CheckFailed extends Error {
  constructor(
    message: string,
    readonly counterexample: unknown,
    readonly path?: string,
    readonly detail?: FailureDetail,
  ) {
    super(message);
  }
}

/** `operation answered X, expected Y`: the failure every "wrong answer" check raises. */
export function unexpectedAnswer(operation: OperationName, r: CallResult, expected: string, counterexample?: unknown, subject: string = operation): CheckFailed {
  const actual = answerText(r);
  return new CheckFailed(`${subject} answered ${actual}, expected ${expected}`, counterexample, undefined, { kind: 'answer', operation, expected, actual });
}

export interface CheckFailure {
  message: string;
  /** the shrunk counterexample (never containing an access token) */
  counterexample: unknown;
  /** the run seed: `--seed` with `--only <id>` replays this exact failure */
  seed: number;
  /** fast-check's path to the shrunk case, when the check is a property */
  path?: string;
  replay: string;
  kind?: FailureKind;
  operation?: OperationName;
  expected?: string;
  actual?: string;
}

/** How one check ended, as the run's reporter receives it. */
export interface CheckOutcome {
  id: string;
  status: Exclude<CheckStatus, 'expected-failure'>;
  durationMs: number;
  calls: number;
  tunnelsOpened: number;
  skipReason?: string;
  /** skipped because the tunnel budget ran out: the run could not be carried out (exit 2) */
  outOfBudget?: true;
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

/**
 * How the skip reason of a check that ran but could not be judged starts. Another client of a
 * shared target (holding its open-tunnel limit, moving its clock across what a check observes) is
 * a freedom: the check is skipped with that reason, and the run's status is what the others make
 * it. A target that kept throttling past the retry budget is the target's own doing: never a pass,
 * so a run with such a check is not green (exit 2).
 */
export const NOT_JUDGED = 'not judged';
export const NOT_JUDGED_THROTTLED = `${NOT_JUDGED}: the target kept throttling`;
/**
 * A call was still throttled when the retry budget ran out (SERVICE-FACTS freedom: "throttled past
 * the retry budget means not judged, never a pass or a failure"): the check ends without a verdict.
 */
export class NotJudged extends CheckInterrupted {}
/** Where a tunnel of the run is in its life, as the run has seen it (its own CloseTunnel calls). */
export type TunnelStage = 'open' | 'closed' | 'deleted';

/** A tunnel the run opened: what was sent (with the run-id tag), what came back. */
export interface RunTunnel {
  tunnelId: string;
  tunnelArn: string;
  sent: Record<string, unknown>;
  output: Record<string, unknown>;
  /**
   * The run's own open order (a tunnel whose `ended` is below another's `started` was opened
   * strictly before it), and the caller's clock when the open was sent (epoch seconds).
   */
  opened: { started: number; ended: number; wall: number };
}

/** A generated valid OpenTunnel input and the tunnel opened with it, opened on first `get()`. */
export interface TunnelSample {
  input: Record<string, unknown>;
  get(): Promise<RunTunnel>;
}

/**
 * How a check gets its tunnels. On a target where tunnels are cheap every request opens a new
 * one; on a billed one (policy `shareTunnels`) the run's tunnels are shared: the samples serve
 * every read, one work tunnel every change a check undoes or that never ends a tunnel
 * (rotation is free), and the checks that end a tunnel take them last, open ones first, then
 * the ones they closed, then the deleted ones. Every tunnel is opened through `openTunnel`
 * (run-id tag, ledger, budget). What a check uses is declared beforehand in its `tunnelNeeds`.
 */
export interface CheckTunnels {
  /**
   * Tunnels opened with generated valid inputs and left as opened (OPEN-CONTRACT's samples): a
   * new one per drawn value of `inputs` (default: any valid OpenTunnel input), or where tunnels
   * are shared one of the run's samples (any valid input; its destination then names the
   * samples' thing, and its lifetime outlasts the run).
   */
  samples(inputs?: Arbitrary<Record<string, unknown>>): Arbitrary<TunnelSample>;
  /**
   * Tunnels of one thing, in open order: `count` new ones opened one after the other (`between`
   * runs between two opens), or the run's samples (however many they are, already opened), all of
   * `thingName`.
   */
  group(count: number, between?: () => Promise<void>): Promise<{ thingName: string; tunnels: RunTunnel[] }>;
  /** An OPEN tunnel the check may read, rotate and tag (undoing what it adds), never close. */
  work(): Promise<RunTunnel>;
  /**
   * A tunnel of the run in `stage`, that no other check is given again in that stage: closed
   * and deleted ones are those earlier checks ended; when none is left, one a stage earlier is
   * brought there (closed, deleted), and only then is one opened.
   */
  take(stage: TunnelStage): Promise<RunTunnel>;
  /** A tunnel opened for this input (a lifetime, a thing): always a new one. */
  open(input?: Record<string, unknown>): Promise<RunTunnel>;
  /**
   * Hands a tunnel the check opened itself (`openTunnel`) and leaves OPEN to the checks that end
   * tunnels, where tunnels are shared (declared as `lends`); elsewhere the run's cleanup ends it.
   */
  lend(tunnel: Omit<RunTunnel, 'opened'>): void;
  /** How many more tunnels of its own (`open`, `openTunnel`) the check may open: its declared `tunnelNeeds().fresh`; unbounded where tunnels are cheap. */
  freshLeft(): number;
}

/**
 * What a check does with tunnels, given its runs, for the plan and for sharing (`CheckTunnels`):
 * `samples`/`work` it uses them, `take` it ends that many (each leaving it `leaves`), `fresh` it
 * opens that many of its own. Where tunnels are shared, a check that takes runs after every check
 * that does not, once per tunnel it takes (at most the policy's consuming runs).
 */
export interface TunnelNeeds {
  samples?: boolean;
  work?: boolean;
  take?: { stage: TunnelStage; count: number; leaves: Exclude<TunnelStage, 'open'> }[];
  fresh?: number;
  /**
   * Of its `fresh` tunnels, how many it may `lend`: the plan counts them as open tunnels for later
   * takes. An open the target refused lends none but opened none either, so the bound holds.
   */
  lends?: number;
}

/** What a check requires of the target beyond the service, known before it runs (the plan says it). */
export interface CheckRequires {
  /** target time that must pass, in seconds: by the target-control clock, or really waited where the profile allows */
  seconds?: number;
}

export interface CheckContext {
  target: CheckTarget;
  tunnels: CheckTunnels;
  capabilities: Capabilities;
  profile: Profile;
  runId: string;
  /** fast-check parameters for this check: seed derived from the run seed and the check id */
  fc: { seed: number; numRuns: number; endOnFailure?: boolean; path?: string };
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
  /** Waits out the read-after-write window once: afterwards every read must show every earlier write. */
  settle(): Promise<void>;
  observe(observation: Observation): void;
  /**
   * A case has failed and the check goes on to shrink it: the verdict is known, the smallest
   * counterexample not yet. Shrinking may take seconds, so the run says so as it happens.
   */
  failing(message: string): void;
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
  /** target controls the check cannot run without: where one is missing it is skipped, with the reason `unmetNeed` gives */
  needs?: (keyof Capabilities)[];
  /** upper bounds for --plan and the tunnel budget, given the runs per property */
  cost(runs: number): { tunnels: number; calls: number };
  /** how it uses tunnels where they are shared (absent: none), given its runs and whether the target's clock can be moved */
  tunnelNeeds?(runs: number, target: { clock: boolean }): TunnelNeeds;
  requires?: CheckRequires;
  /**
   * Why the check must have the target to itself: it moves the target's clock or sets its limits,
   * which every other client sees (their tunnels would expire, their opens be refused). Where a
   * run's checks go side by side, it runs while nothing else does; without it, moving the clock or
   * setting a limit there throws.
   */
  alone?: string;
  run(ctx: CheckContext): Promise<void>;
}

const missingControl: Record<keyof Capabilities, string> = { clock: 'no clock control', reset: 'no reset control', limits: 'no limits control', dataPlane: 'no data plane' };
/** Where the real service could never stand in for a control, the reason says why rather than "no control". */
const neverOnRealService: Partial<Record<keyof Capabilities, string>> = {
  limits: 'exceeding the real quota would open hundreds of billed tunnels',
};

/**
 * Why `check` cannot run on a target with these capabilities (undefined: it can). `realService`:
 * the target is the real service, which has no controls at all.
 */
export function unmetNeed(check: Pick<CheckDefinition, 'needs'>, capabilities: Capabilities, realService: boolean): string | undefined {
  const need = check.needs?.find((c) => !capabilities[c]);
  if (need === undefined) return undefined;
  return (realService && neverOnRealService[need]) || missingControl[need];
}
