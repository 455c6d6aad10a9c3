/**
 * The run's tunnels, as the checks get them (`CheckTunnels` in suites/api.ts). One mechanism for
 * every target, with one knob, the policy's `shareTunnels`: where tunnels are cheap every
 * request opens a new one (the strongest properties); where they are billed the run opens its
 * samples once, one work tunnel, and hands the checks that end tunnels the ones the others are
 * done with. `planTunnels` walks the same rules over the declared needs: the plan's bound.
 */
import fc from 'fast-check';
import { validInput } from '../../generators/index.js';
import type { CallResult, CheckDefinition, CheckTunnels, Profile, RunTunnel, TunnelNeeds, TunnelSample, TunnelStage } from '../../suites/api.js';
import { belowOpenLimit, demandOk, fail, refusedOverTagQuota, tagSet } from '../../suites/support.js';
import type { TargetPolicy } from '../targets/policy.js';

type Json = Record<string, unknown>;

/** Lifetimes below this are lengthened in shared samples: a sample must outlive the run that reads it. */
const SAMPLE_MIN_LIFETIME_MIN = 60;
/**
 * SERVICE-FACTS: at least 50 tags are accepted on a tunnel; above, a 4xx is allowed. A shared
 * sample every read depends on keeps within it (with the run-id tag, which makes the 50th).
 */
const SAMPLE_MAX_TAGS = 49;

/** What the pool needs of the check that asks: its open (run-id tag, ledger, budget) and its calls. */
export interface PoolAccess {
  openTunnel(input: Json): Promise<{ result: CallResult; sent: Json }>;
  call(op: 'CloseTunnel', input: Json): Promise<CallResult>;
  needs: TunnelNeeds;
}

export interface PoolSettings {
  share: boolean;
  runId: string;
  /** samples a shared pool opens: the runs per property */
  samples: number;
  seed: number;
}

const destination = (thingName: string, services: unknown = ['SSH']) => ({ thingName, services });

/**
 * A generated valid OpenTunnel input made fit for sharing: its destination names the samples'
 * thing (so ListTunnels by that thing sees exactly the samples), it outlives the run, and no
 * answer it could get is one the contract leaves open.
 */
function shareable(input: Json, thingName: string): Json {
  const given = input.destinationConfig as { services?: unknown } | undefined;
  const minutes = (input.timeoutConfig as { maxLifetimeTimeoutMinutes?: number } | undefined)?.maxLifetimeTimeoutMinutes;
  return {
    ...input,
    ...(Array.isArray(input.tags) && { tags: input.tags.slice(0, SAMPLE_MAX_TAGS) }),
    destinationConfig: destination(thingName, given?.services ?? ['SSH']),
    ...(minutes !== undefined && minutes < SAMPLE_MIN_LIFETIME_MIN && { timeoutConfig: { maxLifetimeTimeoutMinutes: SAMPLE_MIN_LIFETIME_MIN } }),
  };
}

/**
 * Where a take looks for a tunnel, in order: one already in the stage, else one an earlier stage
 * brought there. Never a closed one to delete: deleting a CLOSED tunnel is UNKNOWN (SERVICE-FACTS).
 */
const SOURCES: Record<TunnelStage, TunnelStage[]> = { open: ['open'], closed: ['closed', 'open'], deleted: ['deleted', 'open'] };

export class TunnelPool {
  private seq = 0;
  private things = 0;
  private readonly stage = new Map<string, TunnelStage>();
  /** `${stage}:${tunnelId}`: a tunnel handed out in a stage is not handed out in it again */
  private readonly taken = new Set<string>();
  /** shared: the run's tunnels that takes may end, in the order they are handed out */
  private readonly endable: RunTunnel[] = [];
  private readonly sampleInputs: Json[];
  private samplesOpening?: Promise<RunTunnel[]>;
  private workTunnel?: Promise<RunTunnel>;
  private readonly samplesThing: string;

  constructor(private readonly settings: PoolSettings) {
    this.samplesThing = `tc-${settings.runId}-samples`;
    this.sampleInputs = settings.share
      ? fc.sample(validInput('OpenTunnel', { runId: settings.runId }) as fc.Arbitrary<Json>, { seed: settings.seed, numRuns: settings.samples }).map((i) => shareable(i, this.samplesThing))
      : [];
  }

  /** Whether tunnels pass from one check to the next (billed targets); else each check's are its own. */
  get shared(): boolean {
    return this.settings.share;
  }

  /** What the run saw a CloseTunnel do: the stage every later take reasons from. */
  noteClose(input: Json, result: CallResult): void {
    if (!result.ok || typeof input.tunnelId !== 'string') return;
    this.stage.set(input.tunnelId, input.delete === true ? 'deleted' : this.stage.get(input.tunnelId) === 'deleted' ? 'deleted' : 'closed');
  }

  private async openOne(access: PoolAccess, input: Json): Promise<RunTunnel> {
    const started = ++this.seq;
    const wall = Date.now() / 1000;
    const { result, sent } = await belowOpenLimit(() => access.openTunnel(input));
    // Above the tag quota a whole refusal is a freedom (SERVICE-FACTS unknown): that sample is not judged, another is drawn.
    fc.pre(!refusedOverTagQuota(result, tagSet(sent.tags).size));
    const output = demandOk(result, 'OpenTunnel', sent);
    if (typeof output.tunnelId !== 'string' || typeof output.tunnelArn !== 'string') fail('OpenTunnel answered without tunnelId and tunnelArn', { input: sent });
    const t = { tunnelId: output.tunnelId, tunnelArn: output.tunnelArn, sent, output, opened: { started, ended: ++this.seq, wall } };
    this.stage.set(t.tunnelId, 'open');
    return t;
  }

  /** Shared samples: the first alone, the rest side by side (open order and concurrent ids both seen). */
  private openSamples(access: PoolAccess): Promise<RunTunnel[]> {
    this.samplesOpening ??= (async () => {
      const [first, ...rest] = this.sampleInputs;
      const opened = [await this.openOne(access, first)];
      opened.push(...(await Promise.all(rest.map((i) => this.openOne(access, i)))));
      this.endable.unshift(...opened);
      return opened;
    })();
    return this.samplesOpening;
  }

  private freshThing(label: string) {
    return `tc-${this.settings.runId}-${label}-${++this.things}`;
  }

  /** Brings a tunnel of the run one or two stages on through the service, as a check would. */
  private async bring(access: PoolAccess, t: RunTunnel, to: TunnelStage): Promise<RunTunnel> {
    if (to === 'open' || this.stage.get(t.tunnelId) === to) return t;
    const input = { tunnelId: t.tunnelId, ...(to === 'deleted' && { delete: true }) };
    demandOk(await access.call('CloseTunnel', input), 'CloseTunnel', input);
    return t;
  }

  private async take(access: PoolAccess, want: TunnelStage): Promise<RunTunnel> {
    const order = SOURCES[want];
    for (const from of order) {
      const t = this.endable.find((x) => this.stage.get(x.tunnelId) === from && !this.taken.has(`${from}:${x.tunnelId}`));
      if (!t) continue;
      // Handed out in every stage it is brought through: no other check takes it in those.
      for (const s of order.slice(0, order.indexOf(from) + 1)) this.taken.add(`${s}:${t.tunnelId}`);
      return this.bring(access, t, want);
    }
    const t = await this.openOne(access, { destinationConfig: destination(this.freshThing('take')) });
    this.endable.push(t);
    for (const s of order) this.taken.add(`${s}:${t.tunnelId}`);
    return this.bring(access, t, want);
  }

  /**
   * The tunnels one check gets. `openedByCheck` counts every tunnel the check opened; what it
   * opened outside samples, work and takes is its `fresh`, bounded where tunnels are shared.
   */
  forCheck(access: PoolAccess, openedByCheck: () => number): CheckTunnels {
    const share = this.settings.share;
    let pooled = 0;
    const counted: PoolAccess = {
      ...access,
      openTunnel: async (input) => {
        const r = await access.openTunnel(input);
        if (r.result.ok) pooled++;
        return r;
      },
    };
    const newTunnel = (label: string) => this.openOne(counted, { destinationConfig: destination(this.freshThing(label)) });
    return {
      samples: (inputs?: fc.Arbitrary<Json>): fc.Arbitrary<TunnelSample> => {
        if (share) return fc.constantFrom(...this.sampleInputs.map((input, i): TunnelSample => ({ input, get: async () => (await this.openSamples(counted))[i] })));
        return (inputs ?? (validInput('OpenTunnel', { runId: this.settings.runId }) as fc.Arbitrary<Json>)).map((input) => {
          let opened: Promise<RunTunnel> | undefined;
          return { input, get: () => (opened ??= this.openOne(counted, input)) };
        });
      },
      group: async (count, between) => {
        if (share) return { thingName: this.samplesThing, tunnels: await this.openSamples(counted) };
        const thingName = this.freshThing('group');
        const tunnels: RunTunnel[] = [];
        for (let i = 0; i < count; i++) {
          if (i > 0) await between?.();
          tunnels.push(await this.openOne(counted, { destinationConfig: destination(thingName) }));
        }
        return { thingName, tunnels };
      },
      work: () => {
        if (!share) return newTunnel('work');
        this.workTunnel ??= newTunnel('work').then((t) => (this.endable.push(t), t));
        return this.workTunnel;
      },
      take: async (stage) => (share ? this.take(counted, stage) : this.bring(counted, await newTunnel('take'), stage)),
      lend: (t) => {
        if (!share) return;
        this.stage.set(t.tunnelId, 'open');
        this.endable.push({ ...t, opened: { started: ++this.seq, ended: ++this.seq, wall: Date.now() / 1000 } });
      },
      open: (input = {}) => this.openOne(access, input),
      freshLeft: () => (share ? Math.max(0, (access.needs.fresh ?? 0) - (openedByCheck() - pooled)) : Infinity),
    };
  }
}

/** What `planTunnels` needs of a selected check: its needs as it will run, or its own bound where tunnels are not shared. */
export interface PlannedCheck {
  needs: TunnelNeeds;
  /** `cost(runs).tunnels`: the bound where every request opens a tunnel */
  tunnels: number;
}

/**
 * The most tunnels a run of these checks (in run order) opens: where tunnels are shared, the
 * same walk the pool makes over the declared needs, every take assumed to find the least; else
 * each check's own bound.
 */
export function planTunnels(checks: PlannedCheck[], share: boolean, samples: number): number[] {
  if (!share) return checks.map((c) => c.tunnels);
  const supply: Record<TunnelStage, number> = { open: 0, closed: 0, deleted: 0 };
  let samplesOpen = false;
  let workOpen = false;
  return checks.map(({ needs }) => {
    let opened = needs.fresh ?? 0;
    supply.open += needs.lends ?? 0;
    if (needs.samples && !samplesOpen) {
      samplesOpen = true;
      opened += samples;
      supply.open += samples;
    }
    if (needs.work && !workOpen) {
      workOpen = true;
      opened += 1;
      supply.open += 1;
    }
    for (const take of needs.take ?? []) {
      const order = SOURCES[take.stage];
      for (let i = 0; i < take.count; i++) {
        const from = order.find((s) => supply[s] > 0);
        if (from) supply[from]--;
        else opened++;
        supply[take.leaves]++;
      }
    }
    return opened;
  });
}

/** What a check's runs, and so its cost, depend on: the run's policy, profile and target. */
export interface RunShape {
  share: TargetPolicy['shareTunnels'];
  profile: Profile;
  numRuns: number;
  clock: boolean;
}

/**
 * The runs a check's properties get: where tunnels are shared, a check that ends them ends one a
 * run, as many runs as it declares takes for the policy's consuming runs (never more than those).
 */
export function runsFor(check: Pick<CheckDefinition, 'tunnelNeeds'>, { share, profile, numRuns, clock }: RunShape): number {
  if (!share) return numRuns;
  const consuming = share.consumingRuns[profile];
  const takes = (check.tunnelNeeds?.(consuming, { clock }).take ?? []).reduce((n, t) => n + t.count, 0);
  return takes > 0 ? Math.min(consuming, takes) : numRuns;
}

/**
 * The order checks run in: cheapest first by the calls each declares for the runs it will get
 * (shortest processing time first minimises the mean time to each verdict, so a fault is found
 * early whichever check catches it), catalogue order among equals. Where tunnels are shared the
 * checks that end tunnels run after all others, so that the others had the run's tunnels first.
 * Elsewhere every check opens its own and nothing passes from one check to the next. The checks
 * that need the target to themselves (`alone`) come first: where lanes run side by side
 * (lanes.ts) nothing else runs meanwhile, which costs least while the other lanes are still
 * loading, and once they are done every lane has the target for the rest. Every check tolerates
 * another client moving the clock or opening tunnels at any moment; `alone` keeps them judged.
 */
export function runOrder<T extends Pick<CheckDefinition, 'cost' | 'tunnelNeeds' | 'alone'>>(checks: T[], run: RunShape): T[] {
  const planned = checks.map((c) => {
    const runs = runsFor(c, run);
    const ends = run.share !== undefined && (c.tunnelNeeds?.(runs, { clock: run.clock }).take?.length ?? 0) > 0;
    return { c, ends, shared: c.alone === undefined, calls: c.cost(runs).calls };
  });
  // Array sort is stable: equals keep the order they came in.
  return planned.sort((a, b) => Number(a.ends) - Number(b.ends) || Number(a.shared) - Number(b.shared) || a.calls - b.calls).map((p) => p.c);
}
