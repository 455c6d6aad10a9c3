/** Expiry: a tunnel closes at maxLifetimeTimeoutMinutes (default 720), not before, and stays closed. */
import fc from 'fast-check';
import type { OperationName } from '../../specs/index.js';
import type { CheckContext } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { describe, destinationFor, fail, freshThingName, listedSummary, type Json } from '../support.js';
import { bracketed, JUDGE_ATTEMPTS, MOVES_CLOCK, passTime, SETTLE_S, targetNow, untilJudged } from '../time.js';

/** SERVICE-FACTS: maxLifetimeTimeoutMinutes defaults to 720. */
const DEFAULT_LIFETIME_MIN = 720;

/** What demandExpiry touches, and the calls one run of it makes, for both expiry checks' catalogue entries. */
const EXPIRY_OPERATIONS: OperationName[] = ['OpenTunnel', 'DescribeTunnel', 'ListTunnels'];
const EXPIRY_CALLS = 5;

/**
 * Demands that a tunnel expires at its lifetime and not before; false when that could not be
 * judged: another client moved the target's clock past the tunnel's end before it was seen.
 */
async function demandExpiry(ctx: CheckContext, input: Json, minutes: number): Promise<boolean> {
  const thingName = freshThingName(ctx, 'expiry');
  const opening = await targetNow(ctx);
  const t = await ctx.tunnels.open({ ...input, destinationConfig: destinationFor(thingName) });
  const lifetime = minutes * 60;
  await passTime(ctx, lifetime - SETTLE_S * 2);
  // Judged against the target's own now around the read, never against the advance asked for.
  const { value: early, after } = await bracketed(ctx, () => describe(ctx, t.tunnelId));
  if (early.status !== 'OPEN') {
    if (after >= opening + lifetime) return false;
    fail(`a ${minutes}-minute tunnel is ${early.status} ${Math.round(opening + lifetime - after)}s before its lifetime ends (by the target's clock)`);
  }
  await passTime(ctx, SETTLE_S * 3);
  // Every reader sees the expiry, ListTunnels first: a DescribeTunnel before it could be what settles it.
  let listedAs: unknown;
  await ctx.eventually(
    'ListTunnels shows the expired tunnel CLOSED',
    async () => {
      const listed = await listedSummary(ctx, thingName, t.tunnelId);
      listedAs = listed?.status;
      return listedAs === 'CLOSED' || (listed && listedAs === undefined) ? true : undefined;
    },
    () => `ListTunnels shows a tunnel ${listedAs ?? 'missing'} after its lifetime ended`,
  );
  // UNKNOWN in SERVICE-FACTS: what DescribeTunnel shows right after expiry; allow the bounded read window.
  await ctx.eventually(`a ${minutes}-minute tunnel CLOSED after its lifetime ended`, async () =>
    (await describe(ctx, t.tunnelId)).status === 'CLOSED' ? true : undefined,
  );
  await passTime(ctx, 60);
  const later = await describe(ctx, t.tunnelId);
  if (later.status !== 'CLOSED') fail(`an expired tunnel became ${later.status} again`);
  return true;
}

defineCheck({
  id: 'LIFE-EXPIRY-001',
  title: 'A tunnel becomes CLOSED when maxLifetimeTimeoutMinutes have passed, not before, and never OPEN again',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: DOC (developer guide): "reaching maxLifetimeTimeoutMinutes … makes it CLOSED; a CLOSED tunnel never becomes OPEN again"; MODEL: TimeoutInMin 1..720',
  operations: EXPIRY_OPERATIONS,
  cost: (runs) => ({ tunnels: runs, calls: runs * EXPIRY_CALLS }),
  requires: { seconds: 130 },
  alone: MOVES_CLOCK,
  tunnelNeeds: (runs, { clock }) => ({ fresh: clock ? runs : 2 }),
  async run(ctx) {
    const expire = (m: number) => demandExpiry(ctx, { timeoutConfig: { maxLifetimeTimeoutMinutes: m } }, m);
    if (ctx.capabilities.clock) {
      // A case that could not be judged is replaced by another (bounded by fast-check's skips).
      await assertProperty(ctx, fc.integer({ min: 1, max: 720 }), async (m) => fc.pre(await expire(m)));
    } else {
      // Real time (full profile): a 1- and a 2-minute tunnel, waited for side by side; never
      // retried, tunnels may be billed (only a wait overshooting the end leaves it unjudged).
      if (!(await Promise.all([expire(1), expire(2)])).every(Boolean)) ctx.skip('not judged: the real wait overshot the tunnels\' end');
    }
  },
});

defineCheck({
  id: 'LIFE-DEFAULT-001',
  title: 'A tunnel opened without timeoutConfig closes after the default 720 minutes, not before',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: MODEL: TimeoutConfig.maxLifetimeTimeoutMinutes "If not specified, maxLifetimeTimeoutMinutes defaults to 720 minutes"',
  operations: EXPIRY_OPERATIONS,
  cost: () => ({ tunnels: JUDGE_ATTEMPTS, calls: JUDGE_ATTEMPTS * EXPIRY_CALLS }),
  requires: { seconds: DEFAULT_LIFETIME_MIN * 60 },
  alone: MOVES_CLOCK,
  tunnelNeeds: () => ({ fresh: JUDGE_ATTEMPTS }),
  async run(ctx) {
    await untilJudged(ctx, () => demandExpiry(ctx, {}, DEFAULT_LIFETIME_MIN));
  },
});
