/**
 * Lanes: a run's checks shared out among worker threads that run side by side against one target,
 * so that one lane's own work (generation, validation, signing) overlaps another's waits on the
 * target. Each lane takes its next check as it becomes free (counters in shared memory), so no
 * lane idles while checks remain: the first lane from the front of the run order (cheapest first,
 * for early verdicts), the others from its back, so that the dearest check does not start last and
 * run on alone while the other lanes have nothing left. A check that changes what every client of the target sees (`alone`: it moves the
 * target's clock or sets its limits) holds the target to itself: the lanes share a reader-writer
 * lock, which every other check and every lane's cleanup hold as readers.
 */
import { availableParallelism } from 'node:os';
import type { TargetPolicy } from '../targets/policy.js';

/** Where lanes may run at all, how many the machine's cores give. */
export function laneCount(policy: Pick<TargetPolicy, 'lanes'>, run: { checks: number; maxTunnels?: number; path?: string }, cores = availableParallelism()): number {
  // A tunnel budget is counted in one thread, and a replayed path is one check: one lane.
  if (run.maxTunnels !== undefined || run.path !== undefined) return 1;
  return Math.max(1, Math.min(policy.lanes, cores, run.checks));
}

/** Lane 0 keeps the run's id; each other lane names its tunnels, things and ledger lines apart. */
export const laneRunId = (runId: string, lane: number): string => (lane === 0 ? runId : `${runId}-l${lane}`);

export const laneRunIds = (runId: string, lanes: number): string[] => Array.from({ length: lanes }, (_, i) => laneRunId(runId, i));

/** What a lane needs of the others: the next check to run, and the target shared or to itself. */
export interface LaneGate {
  /** the index in the run order of the lane's next check, which no lane has taken, or undefined when none is left */
  claim(): number | undefined;
  /** resolves once the lane may use the target (alone: with no other lane using it); call the result to let go */
  enter(alone: boolean): Promise<() => void>;
}

/** checks taken: from the front in the low 16 bits, from the back above them */
const TAKEN = 0;
const FROM_BACK = 0x1_0000;
/** 0 free, n > 0 that many lanes using the target side by side, -1 one lane alone */
const LOCK = 1;
/** lanes waiting to be alone: while any waits, no other lane starts using the target */
const WAITING = 2;
/** bumped on every change of LOCK and WAITING: a lane waits on it from before it looked at them, so no change is missed */
const SEQ = 3;
const ALONE = -1;
/** A wait for a change that can not be missed is still bounded: the lane looks again. */
const RECHECK_MS = 1_000;

/** The shared memory a run's lanes coordinate through: made by the calling process, handed to each. */
export const laneMemory = (): SharedArrayBuffer => new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);

/**
 * Lane `lane`'s gate over `memory` for `total` checks. The target is a reader-writer lock that prefers the
 * lane waiting to be alone: otherwise lanes taking check after check side by side could keep it
 * waiting for the rest of the run.
 */
export function laneGate(memory: SharedArrayBuffer, total: number, lane: number): LaneGate {
  const cells = new Int32Array(memory);
  const changed = () => {
    Atomics.add(cells, SEQ, 1);
    Atomics.notify(cells, SEQ);
  };
  const until = async (seq: number) => {
    const wait = Atomics.waitAsync(cells, SEQ, seq, RECHECK_MS);
    if (wait.async) await wait.value;
  };
  const take = (from: number, to: number) => Atomics.compareExchange(cells, LOCK, from, to) === from;
  return {
    claim() {
      for (;;) {
        const taken = Atomics.load(cells, TAKEN);
        const front = taken % FROM_BACK;
        const back = Math.floor(taken / FROM_BACK);
        if (front + back >= total) return undefined;
        if (Atomics.compareExchange(cells, TAKEN, taken, taken + (lane === 0 ? 1 : FROM_BACK)) === taken) return lane === 0 ? front : total - 1 - back;
      }
    },
    async enter(alone) {
      if (alone) {
        Atomics.add(cells, WAITING, 1);
        changed();
      }
      for (;;) {
        const seq = Atomics.load(cells, SEQ);
        const lock = Atomics.load(cells, LOCK);
        if (alone && lock === 0 && take(0, ALONE)) {
          Atomics.sub(cells, WAITING, 1);
          changed();
          return () => {
            Atomics.store(cells, LOCK, 0);
            changed();
          };
        }
        if (!alone && lock >= 0 && Atomics.load(cells, WAITING) === 0) {
          if (!take(lock, lock + 1)) continue;
          changed();
          return () => {
            Atomics.sub(cells, LOCK, 1);
            changed();
          };
        }
        await until(seq);
      }
    },
  };
}

/**
 * One lane's share of the run: takes checks through the gate until none is left or the run is
 * cancelled, each run by `run` once the lane may use the target as the check needs. Alone, the
 * lane keeps the target for its next check if that one needs it alone too: the other lanes'
 * checks would otherwise slip in between, and each could keep it waiting for seconds.
 */
export async function runLane<T extends { alone: boolean }>(gate: LaneGate, order: T[], cancelled: () => boolean, run: (check: T) => Promise<void>): Promise<void> {
  let heldAlone: (() => void) | undefined;
  try {
    for (let index = gate.claim(); index !== undefined && !cancelled(); index = gate.claim()) {
      const check = order[index];
      if (heldAlone && !check.alone) {
        heldAlone();
        heldAlone = undefined;
      }
      const leave = heldAlone ?? (await gate.enter(check.alone));
      if (check.alone) heldAlone = leave;
      try {
        await run(check);
      } finally {
        if (!check.alone) leave();
      }
    }
  } finally {
    heldAlone?.();
  }
}
