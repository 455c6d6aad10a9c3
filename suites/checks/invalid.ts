/**
 * Every input that breaks exactly one model constraint is rejected with a 4xx client error and
 * leaves no trace. The error code for a constraint violation is UNKNOWN in SERVICE-FACTS, so it
 * is observed, never asserted; so is the answer to a scalar of another scalar type (`"5"` for an
 * integer), which lenient deserializers coerce.
 */
import { operationNames, operationsIndex, type OperationName } from '../../specs/index.js';
import { operationFacts, type OperationFacts } from '../../specs/facts.js';
import { everyInvalidInput, invalidPairCount, type InvalidSample } from '../../generators/index.js';
import { CheckFailed, unexpectedAnswer, type CheckContext, type RunTunnel as Opened } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { lifeEnded } from '../time.js';
import { callOk, describe, fail, freshThingName, isClientError, noteAnswer, removeCreated, tagSet, tunnelFingerprint, type Json } from '../support.js';

const describedAs = async (ctx: CheckContext, t: Opened) => tunnelFingerprint(await describe(ctx, t.tunnelId));
const tagsOf = async (ctx: CheckContext, t: Opened) =>
  [...tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn: t.tunnelArn })).tags)].sort();
/** How to read back what the facts table says an operation changes. */
const snapshots: Record<NonNullable<OperationFacts['changes']>, (ctx: CheckContext, t: Opened) => Promise<unknown>> = { status: describedAs, tags: tagsOf };

/**
 * Puts back the tags a refused call changed (from `tagsOf` snapshots), so that the next samples
 * and shrink candidates meet the tunnel as it was: an upsert of a tag already there changes nothing.
 */
async function restoreTags(ctx: CheckContext, t: Opened, before: [string, string][], after: [string, string][]) {
  const was = new Map(before);
  const extra = after.filter(([k]) => !was.has(k)).map(([k]) => k);
  if (extra.length) await ctx.target.call('UntagResource', { resourceArn: t.tunnelArn, tagKeys: extra });
  const changed = after.filter(([k, v]) => was.has(k) && was.get(k) !== v).map(([key]) => ({ key, value: was.get(key)! }));
  const lost = before.filter(([k]) => !after.some(([a]) => a === k)).map(([key, value]) => ({ key, value }));
  if (changed.length || lost.length) await ctx.target.call('TagResource', { resourceArn: t.tunnelArn, tags: [...changed, ...lost] });
}

/**
 * The ids these checks had while they were numbered by list position (until 0.1.0). Only these
 * eight have one: an operation added later never had a positional id.
 */
const POSITIONAL_IDS: Partial<Record<OperationName, string>> = {
  OpenTunnel: 'ERR-INVALID-001',
  CloseTunnel: 'ERR-INVALID-002',
  DescribeTunnel: 'ERR-INVALID-003',
  ListTunnels: 'ERR-INVALID-004',
  RotateTunnelAccessToken: 'ERR-INVALID-005',
  TagResource: 'ERR-INVALID-006',
  UntagResource: 'ERR-INVALID-007',
  ListTagsForResource: 'ERR-INVALID-008',
};

const invalidCheckId = (op: OperationName) => `ERR-INVALID-${op.toUpperCase()}-001`;

/** Fresh tunnels a check may open to shrink a failure that changed its tunnel's status or destination. */
const FRESH_TUNNELS_FOR_SHRINKING = 8;

for (const op of operationNames) {
  const facts = operationFacts[op];
  const c = {
    op,
    /** the member that names a real tunnel; left as generated when it is the broken one */
    ref: facts.names,
    /** a snapshot of what the call could change, compared before and after */
    snapshot: facts.changes && snapshots[facts.changes],
    /** a made-up cursor is rejected on its own account: it would hide the constraint under test */
    cursor: operationsIndex.operations[op].paginated?.inputToken,
  };
  const former = POSITIONAL_IDS[op];
  defineCheck({
    id: invalidCheckId(op),
    ...(former && { formerly: [former] }),
    title: `${c.op}: an input breaking exactly one model constraint is a 4xx client error and changes nothing`,
    level: 'MUST',
    source: `service-facts.md#constraints: MODEL: length/range/pattern/enum/required traits of ${c.op}'s input (derived schema); service-facts.md#wire: "assert a 4xx client error and no side effect"`,
    operations: [c.op],
    // The work tunnel: a refused input leaves it as it was, which is what the check demands.
    tunnelNeeds: () => (c.ref ? { work: true } : {}),
    cost: (runs) => ({
      // an accepted coercible value may have changed or ended the tunnel: the next sample gets a fresh one where tunnels are cheap
      tunnels: c.ref ? 1 + runs * invalidPairCount(c.op, 'coercible-type') + FRESH_TUNNELS_FOR_SHRINKING : 0,
      // each pair once, a coercible one verified on its own, the rest verified together (a read-back before and after, a search)
      calls:
        runs * (invalidPairCount(c.op) + (c.snapshot || facts.opens ? invalidPairCount(c.op, 'coercible-type') : 0) + (c.snapshot ? 2 : 0) + (facts.opens ? 2 : 0)) +
        1 +
        (facts.opens ? runs : 0),
    }),
    async run(ctx) {
      let tunnel = c.ref ? await ctx.tunnels.work() : undefined;
      /** A new tunnel where the check may still open one (never on a billed target: it keeps the one it has). */
      const renewed = async () => (ctx.tunnels.freshLeft() > 0 ? ctx.tunnels.open() : tunnel);
      // A refused call that changed what DescribeTunnel shows leaves the tunnel unlike the next
      // candidate expects: shrink candidates then start from a fresh one, a few times.
      let stale = false;
      let freshTunnels = FRESH_TUNNELS_FOR_SHRINKING;
      const codes: Record<string, string[]> = {};
      const coercible: Record<string, string[]> = {};
      const markers: Marker[] = [];
      let n = 0;
      /**
       * Sends one sample and judges its answer; with `verify`, also reads back what it could have
       * changed (`before` is the tunnel as the previous sample left it; the result is how this one
       * leaves it) and looks for a tunnel it opened. Without, the caller verifies a batch at once.
       */
      const sendOne = async (sample: InvalidSample, before: unknown, marker: Marker | undefined, verify: boolean) => {
        const input: Json = { ...sample.input };
        const brokenRef = c.ref !== undefined && sample.path.split('/')[1] === c.ref;
        if (c.ref && !brokenRef) input[c.ref] = c.ref === 'tunnelId' ? tunnel!.tunnelId : tunnel!.tunnelArn;
        if (c.cursor && !sample.path.startsWith(`/${c.cursor}`)) delete input[c.cursor];
        const coercion = sample.reason === 'coercible-type';
        // A coercible value may rightly open a tunnel: it is marked apart from the run's markers.
        const mark = marker && markOpenInput(input, sample, coercion ? markerFor(ctx, n++) : marker);
        const what = { reason: sample.reason, path: sample.path, input: shown(input, sample) };

        const r = await ctx.target.call(c.op, input);
        if (coercion) noteAnswer((coercible[sample.path.replace(/\/\d+/g, '/*')] ??= []), r);
        else if (!r.ok) noteAnswer((codes[sample.reason] ??= []), r);
        if (r.ok && facts.opens && typeof r.output.tunnelId === 'string') {
          // The target opened a tunnel (rightly for a coerced value, else wrongly): remove it.
          await ctx.target.call('CloseTunnel', { tunnelId: r.output.tunnelId, delete: true });
        }
        if (coercion && !isClientError(r)) {
          // SERVICE-FACTS unknown: coerced (or answered otherwise) is observed, never judged; the
          // tunnel may have changed or ended, so the next sample starts from a fresh one.
          if (!c.snapshot || !tunnel) return before;
          tunnel = await renewed();
          return c.snapshot(ctx, tunnel!);
        }
        if (!isClientError(r)) throw unexpectedAnswer(c.op, r, 'a 4xx client error', what, `${c.op} with ${sample.reason} at ${sample.path}`);
        if (!verify) return before;
        const { after, changed } = await readBack(before);
        if (changed) fail(`${c.op} with ${sample.reason} at ${sample.path} was rejected but changed the tunnel: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`, what);
        if (mark && !coercion) await demandNoTunnel(ctx, mark, what);
        return after;
      };
      /**
       * The tunnel as it is now, and whether refused calls changed it since `before`: changed tags
       * are put back at once; a change its expiry explains is not the calls'.
       */
      const readBack = async (before: unknown): Promise<{ after: unknown; changed: boolean }> => {
        if (!c.snapshot || !tunnel) return { after: undefined, changed: false };
        const after = await c.snapshot(ctx, tunnel);
        if (JSON.stringify(after) === JSON.stringify(before)) return { after, changed: false };
        // Its lifetime ended by the target's clock (another client may move it): the change is the expiry's, not the call's.
        if (facts.changes === 'status' && (await lifeEnded(ctx, await describe(ctx, tunnel.tunnelId)))) {
          stale = true;
          return { after, changed: false };
        }
        if (facts.changes === 'tags') await restoreTags(ctx, tunnel, before as [string, string][], after as [string, string][]);
        else stale = true;
        return { after, changed: true };
      };
      // Every (member, reason) pair in every run: a constraint is never left to chance. The pairs
      // that must be refused are sent first and verified together (one read-back, one search for
      // an opened tunnel): a refused call that changed anything is found among them by sending
      // them again one at a time. The coercible ones follow, each verified on its own, since an
      // accepted one may rightly change the tunnel. Once a sample has failed, shrink candidates
      // send only that (member, reason) pair: each one costs a call or two instead of all of
      // them, so shrinking gets far within its time budget. A candidate that shrank only the other
      // pairs (never sent) passes at once, so that fast-check spends its budget on the failing
      // one: the only one the report shows.
      let failing: { index: number; sample: string } | undefined;
      await assertProperty(ctx, everyInvalidInput(c.op, () => failing?.index), async (samples) => {
        if (failing && JSON.stringify(samples[failing.index]) === failing.sample) return;
        // One marker per run: a shrink candidate never meets an earlier run's tunnel.
        const marker = facts.opens ? markerFor(ctx, n++) : undefined;
        if (marker) markers.push(marker);
        if (stale && tunnel && freshTunnels-- > 0) tunnel = await renewed();
        stale = false;
        let state = c.snapshot && tunnel ? await c.snapshot(ctx, tunnel) : undefined;
        const send = async (i: number, verify: boolean, mark = marker) => {
          try {
            state = await sendOne(samples[i], state, mark, verify);
          } catch (e) {
            if (e instanceof CheckFailed) failing = { index: i, sample: JSON.stringify(samples[i]) };
            throw e;
          }
        };
        if (failing) return send(failing.index, true);
        const refusable = [...samples.keys()].filter((i) => samples[i].reason !== 'coercible-type');
        for (const i of refusable) await send(i, false);
        if (refusable.length) {
          const { changed } = await readBack(state);
          const opened = marker ? await tunnelsMarked(ctx, marker) : [];
          if (changed || opened.length) {
            // Which one: each again, on the tunnel as it was (tags put back; else a fresh one where tunnels are cheap), verified on its own.
            if (stale && tunnel && freshTunnels-- > 0) tunnel = await renewed();
            stale = false;
            state = c.snapshot && tunnel ? await c.snapshot(ctx, tunnel) : undefined;
            const again = facts.opens ? markerFor(ctx, n++) : undefined;
            if (again) markers.push(again);
            for (const i of refusable) await send(i, true, again);
            fail(`${refusable.length} ${c.op} calls, each refused, ${opened.length ? `opened ${opened.length} tunnel(s)` : 'changed the tunnel'}, and none did again when sent one at a time`, { pairs: refusable.map((i) => samples[i].path) });
          }
        }
        for (const i of samples.keys()) if (samples[i].reason === 'coercible-type') await send(i, true);
      });
      if (markers.length) {
        // ListTunnels may lag (SERVICE-FACTS unknown): once the read-after-write window has passed,
        // a tunnel any refused call created must be listed.
        await ctx.settle();
        for (const m of markers) await demandNoTunnel(ctx, m, { marker: m, after: 'the read-after-write window' });
      }
      ctx.observe({ id: `validation-error-${c.op}`, question: `What does ${c.op} answer to an input breaking one constraint (status and error code, per reason)?`, answer: codes });
      if (Object.keys(coercible).length) {
        ctx.observe({ id: `coercible-type-${c.op}`, question: `Does ${c.op} coerce a scalar of another scalar type ("5" or 5.5 for an integer, 7 for a string), per member?`, answer: coercible });
      }
    },
  });
}

/** Lists and strings longer than this are summarised in a counterexample (the replay sends them whole). */
const SHOWN_ITEMS = 3;
const SHOWN_CODE_POINTS = 64;

/**
 * The input as a counterexample shows it: a too-long list or string at the broken member is
 * summarised (its length, and its first items or characters), since the smallest list over a
 * maxItems of 200 is 201 items, thousands of characters even with one-character keys, and the
 * label already says what is wrong with it. The replay command sends it whole.
 */
function shown(input: Json, sample: InvalidSample): Json {
  const key = sample.path.split('/')[1];
  const value = key === undefined ? undefined : input[key];
  if (sample.path.split('/').length !== 2) return input;
  if (Array.isArray(value) && value.length > SHOWN_ITEMS * 2) {
    return { ...input, [key]: { items: value.length, first: value.slice(0, SHOWN_ITEMS), last: value[value.length - 1] } };
  }
  const cps = typeof value === 'string' ? [...value] : [];
  if (cps.length <= SHOWN_CODE_POINTS * 2) return input;
  // One character repeated (what shrinking makes of a too-long string) is shown whole, as a count.
  if (cps.every((c) => c === cps[0])) return { ...input, [key]: { codePoints: cps.length, each: cps[0] } };
  // Otherwise only a length breach is summarised: a bad character may sit anywhere in the middle.
  if (sample.reason !== 'too-long') return input;
  return { ...input, [key]: { codePoints: cps.length, starts: cps.slice(0, SHOWN_CODE_POINTS).join(''), ends: cps.slice(-SHOWN_CODE_POINTS).join('') } };
}

/** What the run controls in an OpenTunnel input, to find a tunnel a refused call opened anyway. */
interface Marker {
  thingName: string;
  description: string;
}

const markerFor = (ctx: CheckContext, n: number): Marker => ({ thingName: freshThingName(ctx, 'inv'), description: `tunnel-conformance ${ctx.runId}-inv-${n}` });

/**
 * Puts the marker into members that are not the broken one: the thingName wherever the broken
 * member leaves a destinationConfig to hold it (ListTunnels finds it by that thing alone, on a
 * shared account too), else the description. Returns what was placed.
 */
function markOpenInput(input: Json, sample: InvalidSample, marker: Marker): { thingName: string } | { description: string } {
  if (!sample.path.startsWith('/destinationConfig')) {
    input.destinationConfig = { thingName: marker.thingName, services: ['tc'] };
    return { thingName: marker.thingName };
  }
  const dest = input.destinationConfig;
  if (dest !== null && typeof dest === 'object' && !Array.isArray(dest) && !sample.path.startsWith('/destinationConfig/thingName')) {
    input.destinationConfig = { ...dest, thingName: marker.thingName };
    return { thingName: marker.thingName };
  }
  input.description = marker.description;
  return { description: marker.description };
}

/** Fails when a tunnel carrying the marker is listed, after closing it (a refused call must leave nothing). */
async function demandNoTunnel(ctx: CheckContext, marker: Partial<Marker>, what: unknown) {
  if ((await tunnelsMarked(ctx, marker)).length) fail(`OpenTunnel was refused but opened a tunnel anyway (found by ${JSON.stringify(marker)})`, what);
}

/** The tunnels listed with the marker, closed and deleted on the way: a refused call must leave nothing. */
async function tunnelsMarked(ctx: CheckContext, marker: Partial<Marker>): Promise<string[]> {
  const found = marker.thingName ? await removeCreated(ctx, marker.thingName, 5) : [];
  if (marker.description) {
    // Newest first: a tunnel opened by the refused call is on the first page (unless its summary omits the description).
    const first = ((await callOk(ctx, 'ListTunnels', { maxResults: 100 })).tunnelSummaries ?? []) as Json[];
    const described = first.filter((s) => s.description === marker.description).map((s) => String(s.tunnelId));
    for (const tunnelId of described) await ctx.target.call('CloseTunnel', { tunnelId, delete: true });
    found.push(...described);
  }
  return found;
}
