/** Lanes: how many a run gets, how they share out the checks, and that an `alone` check has the target to itself. */
import { describe, expect, it } from 'vitest';
import { laneCount, laneGate, laneMemory, laneRunId, laneRunIds, runLane } from '../../src/run/lanes.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('laneCount', () => {
  const emulator = { lanes: 2 };
  it('gives a lane per core up to what the policy allows, never more than there are checks', () => {
    expect(laneCount(emulator, { checks: 49 }, 8)).toBe(2);
    expect(laneCount(emulator, { checks: 49 }, 2)).toBe(2);
    expect(laneCount(emulator, { checks: 49 }, 1)).toBe(1);
    expect(laneCount(emulator, { checks: 1 }, 8)).toBe(1);
    expect(laneCount({ lanes: 1 }, { checks: 49 }, 8)).toBe(1);
  });
  it('keeps a run with a tunnel budget or a replayed path in one lane', () => {
    expect(laneCount(emulator, { checks: 49, maxTunnels: 100 }, 8)).toBe(1);
    expect(laneCount(emulator, { checks: 49, path: '3:1' }, 8)).toBe(1);
  });
});

describe('laneRunId', () => {
  it('keeps the run id for the first lane and names the others apart', () => {
    expect(laneRunId('tc-1-abc', 0)).toBe('tc-1-abc');
    expect(laneRunIds('tc-1-abc', 3)).toEqual(['tc-1-abc', 'tc-1-abc-l1', 'tc-1-abc-l2']);
  });
});

describe('laneGate', () => {
  it('hands the first lane the run order from the front and the others from its back, each check once', () => {
    const memory = laneMemory();
    const front = laneGate(memory, 5, 0);
    const back = laneGate(memory, 5, 1);
    expect([front.claim(), back.claim(), front.claim(), back.claim(), front.claim()]).toEqual([0, 4, 1, 3, 2]);
    expect([front.claim(), back.claim()]).toEqual([undefined, undefined]);
  });

  it('runs shared checks side by side and an alone check with nothing else, each once, whichever lane takes it', async () => {
    for (const order of [
      ['a1', 'a2', 's1', 's2', 's3', 's4', 's5', 's6'],
      ['s1', 'a1', 's2', 's3', 'a2', 's4', 's5', 'a3'],
    ]) {
      const checks = order.map((id) => ({ id, alone: id.startsWith('a') }));
      const memory = laneMemory();
      const running = new Set<string>();
      const ran: string[] = [];
      const overlaps: string[][] = [];
      const lane = (index: number) =>
        runLane(laneGate(memory, checks.length, index), checks, () => false, async (c) => {
          running.add(c.id);
          if (running.size > 1) overlaps.push([...running].sort());
          await sleep(c.alone ? 5 : 15);
          running.delete(c.id);
          ran.push(c.id);
        });
      await Promise.all([lane(0), lane(1), lane(2)]);
      expect([...ran].sort()).toEqual([...order].sort());
      expect(overlaps.filter((o) => o.some((id) => id.startsWith('a')))).toEqual([]);
      expect(overlaps.length).toBeGreaterThan(0);
    }
  });

  it('runs the alone checks at the front of the order before a shared one another lane has already taken', async () => {
    const checks = [
      { id: 'a1', alone: true },
      { id: 'a2', alone: true },
      { id: 's1', alone: false },
    ];
    const memory = laneMemory();
    const events: string[] = [];
    const run = async (c: { id: string }) => {
      events.push(`start ${c.id}`);
      await sleep(10);
      events.push(`end ${c.id}`);
    };
    const front = runLane(laneGate(memory, checks.length, 0), checks, () => false, run);
    // The back lane takes s1 while a1 runs: it waits until both alone checks are done.
    const back = runLane(laneGate(memory, checks.length, 1), checks, () => false, run);
    await Promise.all([front, back]);
    expect(events).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start s1', 'end s1']);
  });

  it('stops taking checks once cancelled, and lets go of the target', async () => {
    const checks = [{ id: 'a1', alone: true }, { id: 'a2', alone: true }, { id: 's1', alone: false }];
    const memory = laneMemory();
    const ran: string[] = [];
    let cancelled = false;
    await runLane(laneGate(memory, checks.length, 0), checks, () => cancelled, async (c) => {
      ran.push(c.id);
      cancelled = true;
    });
    expect(ran).toEqual(['a1']);
    // Free again: a shared check of another lane gets in at once.
    const leave = await laneGate(memory, checks.length, 1).enter(false);
    leave();
  });
});
