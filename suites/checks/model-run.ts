/**
 * Model-based run: random command sequences against the target, each step compared with the
 * executable reference model (models/service.ts). The comparison only asserts what the model's
 * sources promise and tolerates every freedom in SERVICE-FACTS: other ids and tokens, short
 * pages, omitted optional members, order among equal createdAt, ListTunnels lagging writes,
 * any 4xx code for a constraint violation. Commands whose answer is UNKNOWN (closing, rotating
 * or tagging a CLOSED tunnel) are not generated against a closed tunnel. Failures shrink to the
 * shortest sequence.
 */
import fc from 'fast-check';
import { operationNames } from '../../specs/index.js';
import { operationFacts } from '../../specs/facts.js';
import { commandDescriptions, type CommandDescription } from '../../generators/index.js';
import { DEFAULT_LIFETIME_MINUTES, TunnelService, type ServiceResult } from '../../models/service.js';
import { answerText, unexpectedAnswer, type CallResult, type CheckContext } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { fail, isClientError, isNotFound, listAll, sameTags, tagSet, type Json } from '../support.js';
import { targetNow } from '../time.js';

const MAX_COMMANDS = 12;
/** Sequences must not cross a tunnel's lifetime while they run: short lifetimes are lengthened. */
const MIN_LIFETIME_MIN = 60;

interface Pair {
  real: { id: string; arn: string };
  model: { id: string; arn: string };
  /** when the target ends it (epoch ms): within this window, the target's now around its open plus its lifetime */
  ends: { earliest: number; latest: number };
}

interface World {
  model: TunnelService;
  tunnels: Pair[];
  /** this sequence's suffix for thing names: each sequence's ListTunnels sees only its own tunnels */
  suffix: string;
  /** whether the check may open another tunnel (where tunnels are billed, its declared few) */
  mayOpen(): boolean;
  /** the target's now (epoch ms) as last read: the model's clock follows the target's, never ours */
  clock: { now: number };
}

/** Moves a generated thing name into the sequence's namespace, within ThingName's 128 characters. */
const scoped = (thingName: unknown, suffix: string) =>
  typeof thingName === 'string' ? `${thingName.slice(0, 127 - suffix.length)}-${suffix}` : thingName;

function modelStatus(world: World, pair: Pair): 'OPEN' | 'CLOSED' | 'GONE' {
  const r = world.model.call('DescribeTunnel', { tunnelId: pair.model.id });
  return r.ok ? ((r.output.tunnel as Json).status as 'OPEN' | 'CLOSED') : 'GONE';
}


class Step implements fc.AsyncCommand<World, CheckContext> {
  constructor(readonly d: CommandDescription) {}

  private pair(world: World): Pair | undefined {
    if (this.d.tunnelRef === undefined || world.tunnels.length === 0) return undefined;
    return world.tunnels[this.d.tunnelRef % world.tunnels.length];
  }

  check(world: Readonly<World>): boolean {
    if (operationFacts[this.d.op].opens && !world.mayOpen()) return false;
    if (this.d.tunnelRef === undefined) return true;
    const pair = this.pair(world as World);
    if (!pair) return false;
    // UNKNOWN on a CLOSED tunnel (SERVICE-FACTS): not asked there.
    return !(operationFacts[this.d.op].unknownWhenClosed && modelStatus(world as World, pair) === 'CLOSED');
  }

  private inputs(world: World): { real: Json; model: Json } {
    const input: Json = { ...this.d.input };
    if (typeof input.thingName === 'string') input.thingName = scoped(input.thingName, world.suffix);
    const dest = input.destinationConfig as Json | undefined;
    if (dest?.thingName !== undefined) input.destinationConfig = { ...dest, thingName: scoped(dest.thingName, world.suffix) };
    if (operationFacts[this.d.op].opens) {
      const timeout = input.timeoutConfig as { maxLifetimeTimeoutMinutes?: number } | undefined;
      if (timeout?.maxLifetimeTimeoutMinutes !== undefined && timeout.maxLifetimeTimeoutMinutes < MIN_LIFETIME_MIN) {
        input.timeoutConfig = { maxLifetimeTimeoutMinutes: MIN_LIFETIME_MIN };
      }
    }
    const pair = this.pair(world);
    if (!pair) return { real: input, model: input };
    const key = operationFacts[this.d.op].names!;
    const pick = (side: Pair['real']) => (key === 'tunnelId' ? side.id : side.arn);
    return { real: { ...input, [key]: pick(pair.real) }, model: { ...input, [key]: pick(pair.model) } };
  }

  async run(world: World, ctx: CheckContext): Promise<void> {
    const { real: realInput, model: modelInput } = this.inputs(world);
    let real: CallResult;
    // Another client may move the target's clock at any moment (only forward): the step is judged
    // against the target's now read before and after it, and when some tunnel's end falls between
    // them the step cannot be judged: the sequence is not counted and another one is tried.
    const before = (await targetNow(ctx)) * 1000;
    world.clock.now = before;
    let sent = modelInput;
    if (operationFacts[this.d.op].opens) {
      // Through the run's journal and budget, as every tunnel a run opens.
      const opened = await ctx.openTunnel(realInput);
      real = opened.result;
      sent = opened.sent;
    } else {
      real = await ctx.target.call(this.d.op, realInput);
    }
    const after = (await targetNow(ctx)) * 1000;
    fc.pre(!world.tunnels.some((p) => p.ends.earliest <= after && p.ends.latest >= before));
    const expected: ServiceResult = world.model.call(this.d.op, sent);
    const lifetimeMs = ((sent.timeoutConfig as { maxLifetimeTimeoutMinutes?: number } | undefined)?.maxLifetimeTimeoutMinutes ?? DEFAULT_LIFETIME_MINUTES) * 60_000;
    if (!expected.ok) {
      const e = expected.error;
      if (e.code === 'ResourceNotFoundException' ? !isNotFound(real) : !isClientError(real)) {
        throw unexpectedAnswer(this.d.op, real, e.code === 'ResourceNotFoundException' ? 'a 4xx ResourceNotFoundException' : 'a 4xx client error', undefined, `${this.d.op} (where the model answers ${e.status} ${e.code})`);
      }
      return;
    }
    if (!real.ok) fail(`${this.d.op} was rejected (${answerText(real)}) where the model succeeds`);
    await this.compare(world, ctx, real.output, expected.output, { earliest: before + lifetimeMs, latest: after + lifetimeMs });
  }

  /** `ends`: when a tunnel this step opened ends on the target. */
  private async compare(world: World, ctx: CheckContext, real: Json, model: Json, ends: Pair['ends']): Promise<void> {
    switch (this.d.op) {
      case 'OpenTunnel':
        world.tunnels.push({
          real: { id: String(real.tunnelId), arn: String(real.tunnelArn) },
          model: { id: String(model.tunnelId), arn: String(model.tunnelArn) },
          ends,
        });
        return;
      case 'DescribeTunnel': {
        const r = real.tunnel as Json;
        const m = model.tunnel as Json;
        if (r.status !== m.status) fail(`DescribeTunnel shows ${r.status}, the model ${m.status}`);
        if (r.description !== m.description) fail(`DescribeTunnel shows description ${JSON.stringify(r.description)}, the model ${JSON.stringify(m.description)}`);
        if (!sameTags(tagSet(r.tags), tagSet(m.tags))) fail(`DescribeTunnel shows tags ${JSON.stringify(r.tags)}, the model ${JSON.stringify(m.tags)}`);
        const thing = (x: Json) => (x.destinationConfig as Json | undefined)?.thingName;
        if (thing(r) !== thing(m)) fail(`DescribeTunnel shows thingName ${JSON.stringify(thing(r))}, the model ${JSON.stringify(thing(m))}`);
        return;
      }
      case 'ListTagsForResource':
        if (!sameTags(tagSet(real.tags), tagSet(model.tags))) fail(`ListTagsForResource lists ${JSON.stringify(real.tags)}, the model ${JSON.stringify(model.tags)}`);
        return;
      case 'RotateTunnelAccessToken': {
        const keys = (x: Json) => ['sourceAccessToken', 'destinationAccessToken'].filter((k) => typeof x[k] === 'string');
        if (keys(real).join() !== keys(model).join()) fail(`rotation returned ${keys(real).join(' and ') || 'no token'}, the model ${keys(model).join(' and ')}`);
        return;
      }
      case 'ListTunnels':
        return this.compareList(world, ctx);
      default:
        return;
    }
  }

  /**
   * The tunnels this sequence opened, as listed by the target (all pages, the command's filter)
   * and by the model; compared as sets (order is LIST-ORDER-001's concern, pages are
   * LIST-PAGES-001's), allowing ListTunnels to lag within the bounded read window.
   */
  private async compareList(world: World, ctx: CheckContext): Promise<void> {
    const input = this.inputs(world).model;
    const toReal = new Map(world.tunnels.map((p) => [p.model.id, p.real.id]));
    const known = new Set(world.tunnels.map((p) => p.real.id));
    const modelIds: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const page = world.model.call('ListTunnels', token ? { ...input, nextToken: token } : input);
      if (!page.ok) return;
      for (const s of page.output.tunnelSummaries as Json[]) if (toReal.has(String(s.tunnelId))) modelIds.push(toReal.get(String(s.tunnelId))!);
      token = page.output.nextToken as string | undefined;
      if (!token) break;
    }
    const expected = [...modelIds].sort().join();
    let seen = '';
    await ctx.eventually(
      'ListTunnels agrees with the model',
      async () => {
        const ids = (await listAll(ctx, input)).flatMap((p) => p.ids).filter((id) => known.has(id));
        seen = [...ids].sort().join();
        return seen === expected ? true : undefined;
      },
      () => `ListTunnels(${JSON.stringify(input)}) lists [${seen}] of this sequence's tunnels, the model [${expected}]`,
    );
  }

  toString(): string {
    return `${this.d.op}(${JSON.stringify({ ...this.d, op: undefined })})`;
  }
}

let sequence = 0;

defineCheck({
  id: 'MODEL-RUN-001',
  title: 'Random command sequences agree with the reference model after every step',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: the lifecycle and tagging rules (and service-facts.md#tags) as executed by models/service.ts, with every freedom of service-facts.md#legitimate-freedom tolerated',
  operations: operationNames,
  cost: (runs) => ({ tunnels: runs * MAX_COMMANDS, calls: runs * MAX_COMMANDS * 3 }),
  // Where tunnels are billed, the sequences together open one a run; the other commands are free.
  tunnelNeeds: (runs) => ({ fresh: runs }),
  async run(ctx) {
    const steps = commandDescriptions({ runId: ctx.runId }).map((d) => new Step(d));
    await assertProperty(ctx, fc.commands([steps], { maxCommands: MAX_COMMANDS }), async (cmds) => {
      let ids = 0;
      const clock = { now: (await targetNow(ctx)) * 1000 };
      const model = new TunnelService({
        now: () => clock.now,
        newId: () => `model-${++ids}`,
        newToken: () => `token-${ids}-${Math.random()}`,
      });
      const world: World = { model, tunnels: [], suffix: `s${++sequence}`, mayOpen: () => ctx.tunnels.freshLeft() > 0, clock };
      await fc.asyncModelRun(() => ({ model: world, real: ctx }), cmds);
    });
  },
});
