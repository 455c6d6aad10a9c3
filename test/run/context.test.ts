/** runCheck: how a check's ending becomes an outcome, and what the context does for it. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CheckFailed, NOT_JUDGED_THROTTLED, RUN_ID_TAG_KEY, type CallResult, type CheckDefinition, type CheckContext } from '../../suites/api.js';
import { assertProperty, SHRINK_CANDIDATES } from '../../suites/property.js';
import { runCheck, type Budget } from '../../src/run/context.js';
import type { RunConfig } from '../../src/run/config.js';
import { ledgerPath, ledgerState, readLedger } from '../../src/run/ledger.js';
import type { Target } from '../../src/targets/target.js';
import { TunnelPool } from '../../src/run/tunnels.js';
import { tempDir } from './helpers.js';

const pool = () => new TunnelPool({ share: false, runId: 'run-1', samples: 5, seed: 77 });

/** A target that opens tunnels t1, t2, … and records what it was sent. */
function fakeTarget() {
  const sent: { op: string; input: Record<string, unknown> }[] = [];
  const limits: (number | null)[] = [];
  let n = 0;
  const target: Target = {
    kind: 'http',
    endpoint: 'http://127.0.0.1:9',
    stats: { calls: 0, retries: 0, latencies: {} },
    async call(op, input): Promise<CallResult> {
      sent.push({ op, input });
      target.stats.calls++;
      return op === 'OpenTunnel' ? { ok: true, status: 200, output: { tunnelId: `t${++n}` } } : { ok: true, status: 200, output: {} };
    },
    capabilities: async () => ({ clock: false, reset: false, limits: false, dataPlane: false }),
    advanceClock: async () => 0,
    setMaxOpenTunnels: async (max) => void limits.push(max),
    close: async () => {},
  };
  return { target, sent, limits };
}

const config = (reportDir: string): RunConfig => ({
  connection: { kind: 'http', endpoint: 'http://127.0.0.1:9' },
  targetSpec: 'http://127.0.0.1:9',
  capabilities: { clock: false, reset: false, limits: false, dataPlane: false },
  runId: 'run-1',
  seed: 77,
  profile: 'quick',
  numRuns: 5,
  selected: [],
  reportDir,
});

const check = (run: (ctx: CheckContext) => Promise<void>): CheckDefinition => ({
  id: 'WIRE-TEST-CTX-001',
  title: 't',
  level: 'MUST',
  source: 'test',
  operations: [],
  cost: () => ({ tunnels: 0, calls: 0 }),
  run,
});

describe('runCheck', () => {
  it('tags and journals opened tunnels, also those opened by a direct OpenTunnel call', async () => {
    const { target, sent } = fakeTarget();
    const c = config(tempDir());
    const { outcome } = await runCheck(
      check(async (ctx) => {
        await ctx.openTunnel({ tags: [{ key: 'a', value: 'b' }] });
        await ctx.target.call('OpenTunnel', { description: 'direct' });
      }),
      target,
      c,
      { opened: 0 },
      pool(),
    );
    expect(outcome).toMatchObject({ status: 'passed', calls: 2, tunnelsOpened: 2 });
    expect(sent[0].input.tags).toEqual([{ key: 'a', value: 'b' }, { key: RUN_ID_TAG_KEY, value: 'run-1' }]);
    expect(ledgerState(readLedger(ledgerPath(c.reportDir)), ['run-1']).pending).toEqual(['t1', 't2']);
  });

  it('skips a check that needs a control the target lacks, with the reason, before it runs', async () => {
    const { target, sent } = fakeTarget();
    const needy = { ...check(async (ctx) => void (await ctx.openTunnel())), needs: ['limits' as const] };
    const c = config(tempDir());
    expect((await runCheck(needy, target, c, { opened: 0 }, pool())).outcome).toMatchObject({ status: 'skipped', skipReason: 'no limits control' });
    const aws = { ...c, connection: { kind: 'aws' as const } };
    expect((await runCheck(needy, target, aws, { opened: 0 }, pool())).outcome).toMatchObject({
      status: 'skipped',
      skipReason: 'exceeding the real quota would open hundreds of billed tunnels',
    });
    expect(sent).toEqual([]);
  });

  it('hands a check the limits control only when the target advertises it', async () => {
    const { target, limits } = fakeTarget();
    const seen: boolean[] = [];
    const probe = check(async (ctx) => {
      seen.push(ctx.target.limits !== undefined);
      await ctx.target.limits?.setMaxOpenTunnels(3);
      await ctx.target.limits?.setMaxOpenTunnels(null);
    });
    const c = config(tempDir());
    await runCheck(probe, target, c, { opened: 0 }, pool());
    const { outcome } = await runCheck({ ...probe, needs: ['limits'] }, target, { ...c, capabilities: { ...c.capabilities, limits: true } }, { opened: 0 }, pool());
    expect(outcome.status).toBe('passed');
    expect(seen).toEqual([false, true]);
    expect(limits).toEqual([3, null]);
  });

  it('skips the check once the run`s tunnel budget is spent, without sending the open', async () => {
    const { target, sent } = fakeTarget();
    const budget: Budget = { opened: 1, max: 2 };
    const { outcome } = await runCheck(check(async (ctx) => void (await ctx.openTunnel(), await ctx.openTunnel())), target, config(tempDir()), budget, pool());
    expect(outcome).toMatchObject({ status: 'skipped', skipReason: 'tunnel budget of 2 spent (--max-tunnels)', tunnelsOpened: 1, outOfBudget: true });
    expect(sent).toHaveLength(1);
  });

  it('reports a call still throttled after its retries as not judged (skipped), neither a pass nor a 4xx rejection', async () => {
    const { target } = fakeTarget();
    const calls = target.call;
    target.call = async (op, input) => (op === 'DescribeTunnel' ? { ok: false, status: 400, code: 'ThrottlingException', message: 'Rate exceeded' } : calls(op, input));
    let sawAnswer = false;
    const { outcome } = await runCheck(
      check(async (ctx) => {
        await ctx.target.call('DescribeTunnel', { tunnelId: 'x' });
        sawAnswer = true;
      }),
      target,
      config(tempDir()),
      { opened: 0 },
      pool(),
    );
    expect(sawAnswer).toBe(false);
    expect(outcome.status).toBe('skipped');
    expect(outcome.skipReason).toBe(`${NOT_JUDGED_THROTTLED} (DescribeTunnel answered 400 ThrottlingException after every retry)`);
  });

  it("turns a property failure into a failure with the check's own counterexample (shrunk), seed and replay command", async () => {
    const { target } = fakeTarget();
    const failing: string[] = [];
    const { outcome } = await runCheck(
      check((ctx) => assertProperty(ctx, fc.integer({ min: 0, max: 1000 }), async (n) => {
        if (n > 10) throw new CheckFailed(`${n} is too big`, { n });
      })),
      target,
      config(tempDir()),
      { opened: 0 },
      pool(),
      (message) => failing.push(message),
    );
    // Told once, at the first failing case: before shrinking, so with that case's message.
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatch(/^\d+ is too big$/);
    expect(outcome.status).toBe('failed');
    expect(outcome.failure).toMatchObject({ message: '11 is too big', counterexample: { n: 11 }, seed: 77 });
    expect(outcome.failure?.path).toMatch(/^\d+(:\d+)*$/);
    expect(outcome.failure?.replay).toBe(`tunnel-conformance run --target http://127.0.0.1:9 --seed 77 --only WIRE-TEST-CTX-001 --profile quick --path ${outcome.failure?.path}`);
  });

  it('keeps a failure found before an interruption that came while shrinking (the interruption only ends the shrinking)', async () => {
    const { target } = fakeTarget();
    const { outcome } = await runCheck(
      check((ctx) => assertProperty(ctx, fc.integer({ min: 0, max: 1000 }), async (n) => {
        if (n < 100) ctx.skip('budget spent');
        throw new CheckFailed(`${n} fails`, { n });
      })),
      target,
      config(tempDir()),
      { opened: 0 },
      pool(),
    );
    expect(outcome.status).toBe('failed');
    expect((outcome.failure?.counterexample as { n: number }).n).toBeGreaterThanOrEqual(100);
  });

  it('stops shrinking once its candidates are spent: fast-check builds no further candidate, and the smallest case so far is reported', async () => {
    const { target } = fakeTarget();
    let built = 0;
    let failed = false;
    const { outcome } = await runCheck(
      check((ctx) =>
        assertProperty(
          ctx,
          // every value fast-check builds, shrink candidates included, passes through the map
          fc.array(fc.integer(), { minLength: 2_000, maxLength: 2_000 }).map((xs) => (failed && built++, xs)),
          async (xs) => {
            failed = true;
            throw new CheckFailed(`${xs.length} items`, { items: xs.length });
          },
        ),
      ),
      target,
      config(tempDir()),
      { opened: 0 },
      pool(),
    );
    expect(outcome.status).toBe('failed');
    // quick: 300 candidates tried and the next ends the shrinking (fast-check may have built one
    // more ahead); before, all of a 2,000-item array's candidates were built: 36,942 here
    expect(built).toBeLessThanOrEqual(SHRINK_CANDIDATES.quick + 2);
  });

  it('reports an unexpected exception as a failure and ctx.skip as a skip', async () => {
    const { target } = fakeTarget();
    const threw = await runCheck(check(async () => { throw new TypeError('oops'); }), target, config(tempDir()), { opened: 0 }, pool());
    expect(threw.outcome).toMatchObject({ status: 'failed', failure: { message: 'the check threw: oops', counterexample: null } });
    const skipped = await runCheck(check(async (ctx) => ctx.skip('no clock')), target, config(tempDir()), { opened: 0 }, pool());
    expect(skipped.outcome).toMatchObject({ status: 'skipped', skipReason: 'no clock' });
  });

  it('eventually polls until the probe answers, and collects observations', async () => {
    const { target } = fakeTarget();
    let polls = 0;
    const { outcome, telemetry } = await runCheck(
      check(async (ctx) => {
        const v = await ctx.eventually('third poll', async () => (++polls === 3 ? 'seen' : undefined));
        ctx.observe({ id: 'x', question: 'what?', answer: v });
      }),
      target,
      config(tempDir()),
      { opened: 0 },
      pool(),
    );
    expect(outcome.status).toBe('passed');
    expect(polls).toBe(3);
    expect(telemetry.observations).toEqual([{ id: 'x', question: 'what?', answer: 'seen' }]);
  });

  it('eventually fails with the check\'s own message once the window passes, and lets a probe\'s error through as it is', async () => {
    const { target } = fakeTarget();
    let polls = 0;
    let last = '';
    const timedOut = await runCheck(
      check(async (ctx) => {
        await ctx.eventually(
          'closed',
          async () => {
            last = `OPEN at poll ${++polls}`;
            return undefined;
          },
          () => `still ${last}`,
        );
      }),
      target,
      config(tempDir()),
      { opened: 0 },
      pool(),
    );
    // The message is built after the last poll, so it can quote what that poll saw.
    expect(timedOut.outcome.failure?.message).toBe(`still OPEN at poll ${polls} (waited 2 s, ${polls} polls)`);
    expect(polls).toBeGreaterThan(1);
    const threw = await runCheck(
      check(async (ctx) => {
        await ctx.eventually('closed', async () => { throw new CheckFailed('DescribeTunnel answered 500 InternalFailure', null); }, () => 'still OPEN');
      }),
      target,
      config(tempDir()),
      { opened: 0 },
      pool(),
    );
    expect(threw.outcome.failure?.message).toBe('DescribeTunnel answered 500 InternalFailure');
  });

  it('with lanes side by side, lets only a check declared alone move the clock or set a limit', async () => {
    const { target, limits } = fakeTarget();
    const advanced: number[] = [];
    target.advanceClock = async (s) => (advanced.push(s), 1_000 + s);
    const lanes = { ...config(tempDir()), capabilities: { clock: true, reset: false, limits: true, dataPlane: false }, lanes: 2 };
    const moves = check(async (ctx) => {
      await ctx.target.clock!.now();
      await ctx.target.clock!.advance(60);
      await ctx.target.limits!.setMaxOpenTunnels(3);
    });
    const shared = await runCheck(moves, target, lanes, { opened: 0 }, pool());
    expect(shared.outcome.status).toBe('failed');
    expect(shared.outcome.failure?.message).toBe("the check threw: WIRE-TEST-CTX-001 would move the target's clock while other checks run side by side: it must declare `alone`");
    // Reading the clock is no change; nothing was moved.
    expect(advanced).toEqual([0]);
    const alone = await runCheck({ ...moves, alone: 'moves the clock' }, target, lanes, { opened: 0 }, pool());
    expect(alone.outcome.status).toBe('passed');
    const oneLane = await runCheck(moves, target, { ...lanes, lanes: 1 }, { opened: 0 }, pool());
    expect(oneLane.outcome.status).toBe('passed');
    expect(advanced).toEqual([0, 0, 60, 0, 60]);
    expect(limits).toEqual([3, 3]);
  });
});
