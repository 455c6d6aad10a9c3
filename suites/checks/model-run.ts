/**
 * Model-based run: random command sequences against the target, each step compared with the
 * executable reference model (models/service.ts). The comparison only asserts what the model's
 * sources promise and tolerates every freedom in SERVICE-FACTS: other ids and tokens, short
 * pages, omitted optional members, order among equal createdAt, ListTunnels lagging writes,
 * any 4xx code for a constraint violation. Where the model makes a choice the documents leave
 * open (closing, rotating or tagging a CLOSED tunnel, a tunnel above the tag quota, whether a
 * rotation's destinationConfig replaces the tunnel's), the target may answer either documented
 * way: the model follows the target's choice and the choice is recorded as an observation.
 * Failures shrink to the shortest sequence; the report shows the steps run up to the failing one,
 * with their inputs summarised (see `stepsCounterexample`).
 */
import fc from 'fast-check';
import { operationNames } from '../../specs/index.js';
import { operationFacts } from '../../specs/facts.js';
import { commandDescriptions, type CommandDescription } from '../../generators/index.js';
import { DEFAULT_LIFETIME_MINUTES, TunnelService, type ServiceResult } from '../../models/service.js';
import { answerText, CheckFailed, unexpectedAnswer, type CallResult, type CheckContext } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty, commandSequences } from '../property.js';
import { belowOpenLimit, describe, fail, isClientError, isNotFound, listAll, sameTags, tagSet, tagTotal, TAGS_PER_TUNNEL_QUOTA, type Json } from '../support.js';
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

/**
 * The reference model as this check needs it: without a per-tunnel tag limit of its own (the
 * documents state none beyond the quota, where either answer is allowed), and able to take a
 * tunnel back to an earlier state when the target chose the other documented answer.
 */
class RunModel extends TunnelService {
  override tagResource(input: { resourceArn?: string; tags?: { key?: string; value?: string }[] }): ServiceResult {
    const t = this.findByArn(input.resourceArn!);
    if (!t) return this.notFound(input.resourceArn!);
    for (const tag of input.tags!) t.tags.set(tag.key!, tag.value!);
    return { ok: true, output: {} };
  }

  /** A copy of the tunnel's record (undefined when there is none), for `restore`. */
  save(tunnelId: string): unknown {
    const t = this.find(tunnelId);
    return t && structuredClone(t);
  }

  restore(tunnelId: string, saved: unknown): void {
    if (saved === undefined) this.tunnels.delete(tunnelId);
    else this.tunnels.set(tunnelId, structuredClone(saved) as NonNullable<ReturnType<TunnelService['find']>>);
  }

  /** Keeps the tunnel's destinationConfig as it was before a rotation (the target kept its own). */
  keepDestination(tunnelId: string, saved: unknown): void {
    const t = this.find(tunnelId);
    if (t) t.destinationConfig = (saved as { destinationConfig?: typeof t.destinationConfig }).destinationConfig;
  }
}

/** Which documented answer the target chose at each open choice, counted over the check's sequences. */
type Choices = Record<string, Record<string, number>>;
const choose = (choices: Choices, question: string, answer: string) => {
  const counts = (choices[question] ??= {});
  counts[answer] = (counts[answer] ?? 0) + 1;
};

interface World {
  model: RunModel;
  tunnels: Pair[];
  /** this sequence's suffix for thing names: each sequence's ListTunnels sees only its own tunnels */
  suffix: string;
  choices: Choices;
  /** whether the check may open another tunnel (where tunnels are billed, its declared few) */
  mayOpen(): boolean;
  /** the target's now (epoch ms) as last read: the model's clock follows the target's, never ours */
  clock: { now: number };
  /** the steps run so far, the last one being the step running: what a failure reports */
  log: StepRecord[];
  /** the input member a failing comparison is about, shown in full in every step (see `summarise`) */
  concern?: string;
}

/** One step as a failure reports it: which tunnel (by order of opening) it acted on, its input as sent. */
interface StepRecord {
  op: string;
  /** the tunnel it acted on: 1 for the first this sequence opened */
  tunnel?: number;
  input: Json;
  /** for an open: the tunnel's number and the id the target gave it (failure messages name real ids) */
  opened?: { tunnel: number; tunnelId: string };
}

/**
 * Strings longer than this (in characters) are shown as their start and their length. A run's
 * generated inputs go to the limits (tags of 128 and 256 characters, 50 tags, 2048-character
 * descriptions): the whole sequence ran to tens of thousands of characters, where what matters is
 * the order of the steps, the tunnels they act on, and the member a comparison is about. The
 * limits themselves are judged by the checks on each operation's contract.
 */
const SHORT = 32;
const LONG = 64;
/** The member a comparison is about is shown whole up to this length (a ThingName's 128 fits). */
const CONCERN = 128;
/** Items of a list shown where the list is of concern (the failing step, or the member compared). */
const ITEMS = 4;

/**
 * A value for the report: with `full` (the failing step, or the member a comparison is about) long
 * strings keep their first 32 characters and lists their first items; otherwise long strings keep
 * 8 and lists are counted. The member compared is shown whole up to 128 characters. Lengths and counts are always given, so a limit crossed is still seen.
 */
export function summarise(value: unknown, key: string | undefined, full: boolean, concern: string | undefined): unknown {
  const shown = full || (key !== undefined && key === concern);
  if (typeof value === 'string') {
    const chars = [...value];
    const max = key !== undefined && key === concern ? CONCERN : shown ? LONG : SHORT;
    return chars.length <= max ? value : `${chars.slice(0, shown ? SHORT : 8).join('')}… (${chars.length} characters)`;
  }
  if (Array.isArray(value)) {
    if (!shown) return `(${value.length} ${key === 'tags' ? 'tag' : 'item'}${value.length === 1 ? '' : 's'})`;
    const items = value.slice(0, ITEMS).map((v) => summarise(v, undefined, true, concern));
    return value.length <= ITEMS ? items : [...items, `… (${value.length} in all)`];
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarise(v, k, shown, concern)]));
  }
  return value;
}

/**
 * The counterexample a failure reports: the steps run (commands whose precondition failed were
 * skipped and are not shown), the failing one last and in more detail. fast-check's own rendering
 * of the sequence repeated every generated input in full (66,532 characters for one ListTunnels
 * disagreement). The sequences generated, their shrinking and the path are fast-check's as before.
 */
function stepsCounterexample(world: World): Json {
  const records = world.log.map((r) => ({ ...r }));
  const failing = records.pop();
  const brief = (r: StepRecord, full: boolean) => ({ ...r, input: summarise(r.input, undefined, full, world.concern) });
  return { before: records.map((r) => brief(r, false)), failing: failing && brief(failing, true) } as Json;
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
    return this.d.tunnelRef === undefined || this.pair(world as World) !== undefined;
  }

  /**
   * The open choice this step meets, if any: a question the documents leave to the target,
   * where a 4xx that changes nothing is as good an answer as the model's success.
   */
  private choice(world: World, input: Json, pair: Pair | undefined): string | undefined {
    const facts = operationFacts[this.d.op];
    if (pair && facts.unknownWhenClosed && modelStatus(world, pair) === 'CLOSED') return `${this.d.op} on a CLOSED tunnel`;
    if (!facts.opens && this.d.op !== 'TagResource') return undefined;
    const current = pair ? tagSet((world.model.call('ListTagsForResource', { resourceArn: pair.model.arn }) as { output?: Json }).output?.tags).keys() : [];
    return tagTotal(current, input.tags) > TAGS_PER_TUNNEL_QUOTA ? `${this.d.op} to more than ${TAGS_PER_TUNNEL_QUOTA} tags on one tunnel` : undefined;
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
    const pair = this.pair(world);
    const shown = { ...realInput };
    if (pair) delete shown[operationFacts[this.d.op].names!];
    world.log.push({ op: this.d.op, ...(pair && { tunnel: world.tunnels.indexOf(pair) + 1 }), input: shown });
    // Another client may move the target's clock at any moment (only forward): the step is judged
    // against the target's now read before and after it, and when some tunnel's end falls between
    // them the step cannot be judged: the sequence is not counted and another one is tried.
    const before = (await targetNow(ctx)) * 1000;
    world.clock.now = before;
    const opens = operationFacts[this.d.op].opens === true;
    // Read before the step: the model's own answer moves its state.
    const choiceBefore = opens ? undefined : this.choice(world, modelInput, pair);
    const saved = pair && world.model.save(pair.model.id);
    let real: CallResult;
    let sent = modelInput;
    let choice = choiceBefore;
    if (opens) {
      // Through the run's journal and budget, as every tunnel a run opens.
      const opened = await belowOpenLimit(() => ctx.openTunnel(realInput));
      real = opened.result;
      sent = opened.sent;
      choice = this.choice(world, opened.sent, undefined);
    } else {
      real = await ctx.target.call(this.d.op, realInput);
    }
    const after = (await targetNow(ctx)) * 1000;
    fc.pre(!world.tunnels.some((p) => p.ends.earliest <= after && p.ends.latest >= before));
    const expected: ServiceResult = world.model.call(this.d.op, sent);
    const lifetimeMs = ((sent.timeoutConfig as { maxLifetimeTimeoutMinutes?: number } | undefined)?.maxLifetimeTimeoutMinutes ?? DEFAULT_LIFETIME_MINUTES) * 60_000;
    if (choice !== undefined && expected.ok) {
      if (isClientError(real)) {
        // The other documented answer: the model is taken back to where the target must have stayed,
        // so that the next reads demand "nothing changed".
        if (opens) world.model.call('CloseTunnel', { tunnelId: expected.output.tunnelId, delete: true });
        else world.model.restore(pair!.model.id, saved);
        choose(world.choices, choice, 'a 4xx');
        return;
      }
      if (real.ok) choose(world.choices, choice, 'accepted');
    }
    if (!expected.ok) {
      const e = expected.error;
      if (e.code === 'ResourceNotFoundException' ? !isNotFound(real) : !isClientError(real)) {
        throw unexpectedAnswer(this.d.op, real, e.code === 'ResourceNotFoundException' ? 'a 4xx ResourceNotFoundException' : 'a 4xx client error', undefined, `${this.d.op} (where the model answers ${e.status} ${e.code})`);
      }
      return;
    }
    if (!real.ok) fail(`${this.d.op} was rejected (${answerText(real)}) where the model succeeds`);
    if (this.d.op === 'RotateTunnelAccessToken' && modelInput.destinationConfig !== undefined) await this.rotatedDestination(world, ctx, pair!, modelInput, saved);
    await this.compare(world, ctx, real.output, expected.output, { earliest: before + lifetimeMs, latest: after + lifetimeMs });
  }

  /**
   * SERVICE-FACTS unknown: whether a rotation's destinationConfig replaces the tunnel's own. The
   * target may do either; it must do one of them, and the model follows it.
   */
  private async rotatedDestination(world: World, ctx: CheckContext, pair: Pair, input: Json, saved: unknown): Promise<void> {
    const shown = (await describe(ctx, pair.real.id)).destinationConfig?.thingName;
    const given = (input.destinationConfig as Json).thingName;
    const before = (saved as { destinationConfig?: Json } | undefined)?.destinationConfig?.thingName;
    if (shown === given) return choose(world.choices, 'a rotation with a destinationConfig', 'replaces the tunnel\'s');
    if (shown !== before) failOn(world, 'thingName', `after a rotation with thingName ${JSON.stringify(given)} DescribeTunnel shows ${JSON.stringify(shown)}, neither that nor the tunnel's own ${JSON.stringify(before)}`);
    world.model.keepDestination(pair.model.id, saved);
    choose(world.choices, 'a rotation with a destinationConfig', 'keeps the tunnel\'s');
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
        world.log.at(-1)!.opened = { tunnel: world.tunnels.length, tunnelId: String(real.tunnelId) };
        return;
      case 'DescribeTunnel': {
        const r = real.tunnel as Json;
        const m = model.tunnel as Json;
        if (r.status !== m.status) fail(`DescribeTunnel shows ${r.status}, the model ${m.status}`);
        if (r.description !== m.description) failOn(world, 'description', `DescribeTunnel shows description ${JSON.stringify(r.description)}, the model ${JSON.stringify(m.description)}`);
        if (!sameTags(tagSet(r.tags), tagSet(m.tags))) failOn(world, 'tags', `DescribeTunnel shows tags ${JSON.stringify(r.tags)}, the model ${JSON.stringify(m.tags)}`);
        const thing = (x: Json) => (x.destinationConfig as Json | undefined)?.thingName;
        if (thing(r) !== thing(m)) failOn(world, 'thingName', `DescribeTunnel shows thingName ${JSON.stringify(thing(r))}, the model ${JSON.stringify(thing(m))}`);
        return;
      }
      case 'ListTagsForResource':
        if (!sameTags(tagSet(real.tags), tagSet(model.tags))) failOn(world, 'tags', `ListTagsForResource lists ${JSON.stringify(real.tags)}, the model ${JSON.stringify(model.tags)}`);
        return;
      case 'RotateTunnelAccessToken':
        // MUST: "returns new ones". Which tokens per clientMode is a DOC-EXAMPLE (ROTATE-TOKENS-001, a SHOULD).
        if (!['sourceAccessToken', 'destinationAccessToken'].some((k) => typeof real[k] === 'string')) fail('rotation returned no token');
        return;
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
      () => {
        // Which tunnels a filtered list holds turns on their thing names.
        world.concern = 'thingName';
        return `ListTunnels(${JSON.stringify(input)}) lists [${seen}] of this sequence's tunnels, the model [${expected}]`;
      },
    );
  }

  toString(): string {
    return `${this.d.op}(${JSON.stringify({ ...this.d, op: undefined })})`;
  }
}

/** A failed comparison about one input member: every step of the report shows that member in full. */
function failOn(world: World, member: string, message: string): never {
  world.concern = member;
  return fail(message);
}

let sequence = 0;

defineCheck({
  id: 'MODEL-RUN-001',
  title: 'Random command sequences agree with the reference model after every step',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: the lifecycle and tagging rules (and service-facts.md#tags) as executed by models/service.ts, with every freedom of service-facts.md#legitimate-freedom tolerated and every open answer of service-facts.md#unknown (a CLOSED tunnel, more than 50 tags, a rotation\'s destinationConfig) accepted either way and observed',
  operations: operationNames,
  cost: (runs) => ({ tunnels: runs * MAX_COMMANDS, calls: runs * MAX_COMMANDS * 3 }),
  // Where tunnels are billed, the sequences together open one a run; the other commands are free.
  tunnelNeeds: (runs) => ({ fresh: runs }),
  async run(ctx) {
    const steps = commandDescriptions({ runId: ctx.runId }).map((d) => new Step(d));
    const choices: Choices = {};
    await assertProperty(ctx, commandSequences(ctx, [steps], MAX_COMMANDS), async (cmds) => {
      let ids = 0;
      const clock = { now: (await targetNow(ctx)) * 1000 };
      const model = new RunModel({
        now: () => clock.now,
        newId: () => `model-${++ids}`,
        newToken: () => `token-${ids}-${Math.random()}`,
      });
      const world: World = { model, tunnels: [], suffix: `s${++sequence}`, choices, mayOpen: () => ctx.tunnels.freshLeft() > 0, clock, log: [] };
      try {
        await fc.asyncModelRun(() => ({ model: world, real: ctx }), cmds);
      } catch (e) {
        // The steps as run, summarised, instead of the generated sequence (see stepsCounterexample).
        if (e instanceof CheckFailed) throw new CheckFailed(e.message, stepsCounterexample(world), e.path, e.detail);
        throw e;
      }
    });
    ctx.observe({ id: 'model-run-choices', question: 'Where the documents leave the answer open, which one did the target give (counted over the sequences)?', answer: choices });
  },
});
