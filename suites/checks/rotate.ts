/** RotateTunnelAccessToken: the documented tokens, all new, never a longer life, never with SOURCE + destinationConfig. */
import fc from 'fast-check';
import { unexpectedAnswer } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { callOk, demandOk, describe, destinationFor, fail, freshThingName, isClientError, thingOf } from '../support.js';
import { bracketed, lifeEnded, MOVES_CLOCK, passTime, SETTLE_S, targetNow } from '../time.js';

const clientModes = fc.constantFrom('SOURCE', 'DESTINATION', 'ALL');
const TOKENS = ['sourceAccessToken', 'destinationAccessToken'] as const;
const expectedTokens: Record<string, readonly string[]> = {
  SOURCE: ['sourceAccessToken'],
  DESTINATION: ['destinationAccessToken'],
  ALL: TOKENS,
};

defineCheck({
  id: 'ROTATE-TOKENS-001',
  title: 'Rotation returns exactly the tokens of its clientMode (SOURCE: source, DESTINATION: destination, ALL: both) and the tunnel ARN',
  level: 'SHOULD',
  source: 'service-facts.md#lifecycle: DOC-EXAMPLE: "SOURCE returns only sourceAccessToken (+ tunnelArn), DESTINATION only destinationAccessToken, ALL both"',
  operations: ['RotateTunnelAccessToken'],
  cost: (runs) => ({ tunnels: 1, calls: runs }),
  // Rotation is free, and what it changes (the tokens) no other check reads from the work tunnel.
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    const t = await ctx.tunnels.work();
    await assertProperty(ctx, clientModes, async (clientMode) => {
      const out = await callOk(ctx, 'RotateTunnelAccessToken', { tunnelId: t.tunnelId, clientMode });
      const present = TOKENS.filter((k) => typeof out[k] === 'string' && out[k] !== '');
      if (JSON.stringify(present) !== JSON.stringify(expectedTokens[clientMode])) {
        fail(`rotation with ${clientMode} returned ${present.join(' and ') || 'no token'}, expected ${expectedTokens[clientMode].join(' and ')}`);
      }
      if (out.tunnelArn !== undefined && out.tunnelArn !== t.tunnelArn) fail(`rotation returned tunnelArn ${out.tunnelArn}, the tunnel's is ${t.tunnelArn}`);
    });
  },
});

defineCheck({
  id: 'ROTATE-NEW-001',
  title: 'Every token a rotation returns is new: never one given before by OpenTunnel or an earlier rotation',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: DOC (API reference): "RotateTunnelAccessToken revokes the current token(s) and returns new ones"',
  operations: ['RotateTunnelAccessToken', 'OpenTunnel'],
  cost: (runs) => ({ tunnels: runs, calls: runs * 5 }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    // Tokens are secrets: kept only in memory to compare, never put into a message. Every token
    // seen in the check counts as given: the work tunnel may have been rotated by an earlier run.
    const given = new Set<string>();
    await assertProperty(ctx, fc.array(clientModes, { minLength: 1, maxLength: 4 }), async (modes) => {
      const t = await ctx.tunnels.work();
      for (const k of TOKENS) if (typeof t.output[k] === 'string') given.add(t.output[k]);
      for (const [i, clientMode] of modes.entries()) {
        const out = await callOk(ctx, 'RotateTunnelAccessToken', { tunnelId: t.tunnelId, clientMode });
        for (const k of TOKENS) {
          const v = out[k];
          if (typeof v !== 'string') continue;
          if (given.has(v)) fail(`rotation ${i + 1} (${clientMode}) returned a ${k} that was given before`);
          given.add(v);
        }
      }
    });
  },
});

defineCheck({
  id: 'ROTATE-SOURCE-DEST-001',
  title: 'Rotation with clientMode SOURCE and a destinationConfig is a 4xx client error and changes nothing',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: DOC: "DestinationConfig may not be combined with SOURCE"',
  operations: ['RotateTunnelAccessToken', 'DescribeTunnel'],
  cost: (runs) => ({ tunnels: 1, calls: runs * 3 }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    const t = await ctx.tunnels.work();
    const thingName = thingOf(t);
    await assertProperty(ctx, fc.constantFrom(thingName, freshThingName(ctx, 'other')), async (target) => {
      const before = await describe(ctx, t.tunnelId);
      const r = await ctx.target.call('RotateTunnelAccessToken', { tunnelId: t.tunnelId, clientMode: 'SOURCE', destinationConfig: destinationFor(target) });
      if (!isClientError(r)) throw unexpectedAnswer('RotateTunnelAccessToken', r, 'a 4xx client error', undefined, 'SOURCE with a destinationConfig');
      const after = await describe(ctx, t.tunnelId);
      const expired = after.status !== before.status && (await lifeEnded(ctx, after));
      if (JSON.stringify(after.destinationConfig) !== JSON.stringify(before.destinationConfig) || (after.status !== before.status && !expired)) {
        fail('the rejected rotation changed the tunnel');
      }
    });
  },
});

defineCheck({
  id: 'ROTATE-LIFETIME-001',
  title: 'Rotation never extends a tunnel\'s lifetime: a rotated tunnel still closes at its maxLifetimeTimeoutMinutes',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: DOC (API reference): "it does not extend the tunnel\'s lifetime (a 12-hour tunnel open for 4 hours gives new tokens that last 8 hours)"',
  operations: ['RotateTunnelAccessToken', 'OpenTunnel', 'DescribeTunnel'],
  cost: (runs) => ({ tunnels: runs, calls: runs * 4 }),
  // Real waiting is only bearable for a 1-minute tunnel; the clock endpoint reaches the whole range.
  requires: { seconds: 90 },
  alone: MOVES_CLOCK,
  tunnelNeeds: (runs, { clock }) => ({ fresh: clock ? runs : 1 }),
  async run(ctx) {
    const rotateMidLife = async ({ minutes, at, clientMode }: { minutes: number; at: number; clientMode: string }) => {
      const opening = await targetNow(ctx);
      const t = await ctx.tunnels.open({ timeoutConfig: { maxLifetimeTimeoutMinutes: minutes } });
      const lifetime = minutes * 60;
      await passTime(ctx, Math.floor(lifetime * at));
      const { value: rotated, after } = await bracketed(ctx, () => ctx.target.call('RotateTunnelAccessToken', { tunnelId: t.tunnelId, clientMode }));
      // Another client moved the target's clock past the tunnel's end first: not judged, another case is tried.
      if (!rotated.ok && after >= opening + lifetime) return fc.pre(false);
      demandOk(rotated, 'RotateTunnelAccessToken', { tunnelId: t.tunnelId, clientMode });
      await passTime(ctx, lifetime - Math.floor(lifetime * at) + SETTLE_S);
      // A lifetime extended by the rotation would keep it OPEN well past the bounded read window.
      await ctx.eventually(
        `rotated tunnel CLOSED at the end of its original lifetime`,
        async () => ((await describe(ctx, t.tunnelId)).status === 'CLOSED' ? true : undefined),
        () => `a ${minutes}-minute tunnel rotated (${clientMode}) at ${Math.round(at * 100)}% of its life is still OPEN after its lifetime ended`,
      );
    };
    if (ctx.capabilities.clock) {
      const runs = fc.record({ minutes: fc.integer({ min: 1, max: 720 }), at: fc.double({ min: 0.1, max: 0.9, noNaN: true }), clientMode: clientModes });
      await assertProperty(ctx, runs, rotateMidLife);
    } else {
      // Real time (full profile): one 1-minute tunnel rotated half-way (nobody else moves real time).
      await rotateMidLife({ minutes: 1, at: 0.5, clientMode: 'ALL' });
    }
  },
});
