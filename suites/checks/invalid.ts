/**
 * Every input that breaks exactly one model constraint is rejected with a 4xx client error and
 * leaves no trace. The error code for a constraint violation is UNKNOWN in SERVICE-FACTS, so it
 * is observed, never asserted.
 */
import { operationNames, operationsIndex, type OperationName } from '../../specs/index.js';
import { operationFacts, type OperationFacts } from '../../specs/facts.js';
import { everyInvalidInput, invalidPairCount, type InvalidSample } from '../../generators/index.js';
import { unexpectedAnswer, type CheckContext, type RunTunnel as Opened } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { lifeEnded } from '../time.js';
import { callOk, describe, fail, isClientError, listAll, noteAnswer, tagSet, type Json } from '../support.js';

/** A tunnel CLOSED by its lifetime (another client may move the target's clock) reads as its calls left it: OPEN. */
const statusOf = async (ctx: CheckContext, t: Opened) => {
  const d = await describe(ctx, t.tunnelId);
  return d.status === 'CLOSED' && (await lifeEnded(ctx, d)) ? 'OPEN' : d.status;
};
const tagsOf = async (ctx: CheckContext, t: Opened) =>
  [...tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn: t.tunnelArn })).tags)].sort();
/** How to read back what the facts table says an operation changes. */
const snapshots: Record<NonNullable<OperationFacts['changes']>, (ctx: CheckContext, t: Opened) => Promise<unknown>> = { status: statusOf, tags: tagsOf };

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
    cost: (runs) => ({ tunnels: c.ref ? 1 : 0, calls: runs * (invalidPairCount(c.op) * (c.snapshot || facts.opens ? 2 : 1) + (c.snapshot ? 1 : 0)) + 1 }),
    async run(ctx) {
      const tunnel = c.ref ? await ctx.tunnels.work() : undefined;
      const codes: Record<string, string[]> = {};
      let n = 0;
      /** Sends one sample; `before` is the tunnel as the previous sample left it, and the result is how this one leaves it. */
      const sendOne = async (sample: InvalidSample, before: unknown) => {
        const input: Json = { ...sample.input };
        const brokenRef = c.ref !== undefined && sample.path.split('/')[1] === c.ref;
        if (c.ref && !brokenRef) input[c.ref] = c.ref === 'tunnelId' ? tunnel!.tunnelId : tunnel!.tunnelArn;
        if (c.cursor && !sample.path.startsWith(`/${c.cursor}`)) delete input[c.cursor];
        const marker = facts.opens ? markOpenInput(input, sample, `${ctx.runId}-inv-${n++}`) : undefined;
        const what = { reason: sample.reason, path: sample.path, input };

        const r = await ctx.target.call(c.op, input);
        if (!r.ok) noteAnswer((codes[sample.reason] ??= []), r);
        if (r.ok && facts.opens && typeof r.output.tunnelId === 'string') {
          // The target opened a tunnel it should have refused: remove it before failing.
          await ctx.target.call('CloseTunnel', { tunnelId: r.output.tunnelId, delete: true });
        }
        if (!isClientError(r)) throw unexpectedAnswer(c.op, r, 'a 4xx client error', what, `${c.op} with ${sample.reason} at ${sample.path}`);
        let after: unknown;
        if (c.snapshot && tunnel) {
          after = await c.snapshot(ctx, tunnel);
          if (JSON.stringify(after) !== JSON.stringify(before)) {
            fail(`${c.op} with ${sample.reason} at ${sample.path} was rejected but changed the tunnel: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`, what);
          }
        }
        if (marker) await demandNoTunnel(ctx, marker, what);
        return after;
      };
      // Every (member, reason) pair in every run: a constraint is never left to chance. A sample
      // that changed the tunnel has failed, so each one's "after" is the next one's "before".
      await assertProperty(ctx, everyInvalidInput(c.op), async (samples) => {
        let state = c.snapshot && tunnel ? await c.snapshot(ctx, tunnel) : undefined;
        for (const sample of samples) state = await sendOne(sample, state);
      });
      ctx.observe({ id: `validation-error-${c.op}`, question: `What does ${c.op} answer to an input breaking one constraint (status and error code, per reason)?`, answer: codes });
    },
  });
}

type Marker = { description: string } | { thingName: string };

/** Puts a unique, valid marker into a member that is not the broken one, to find a tunnel opened by mistake. */
function markOpenInput(input: Json, sample: InvalidSample, id: string): Marker {
  if (!sample.path.startsWith('/description')) {
    input.description = `tunnel-conformance ${id}`;
    return { description: input.description as string };
  }
  input.destinationConfig = { thingName: `tc-${id}`, services: ['tc'] };
  return { thingName: `tc-${id}` };
}

async function demandNoTunnel(ctx: CheckContext, marker: Marker, what: unknown) {
  if ('thingName' in marker) {
    const ids = (await listAll(ctx, { thingName: marker.thingName }, 5)).flatMap((p) => p.ids);
    if (ids.length) fail(`OpenTunnel was rejected but a tunnel for thing ${marker.thingName} exists`, what);
    return;
  }
  // Newest first: a tunnel opened by the rejected call is on the first page.
  const first = (await callOk(ctx, 'ListTunnels', { maxResults: 100 })).tunnelSummaries as Json[] | undefined;
  if ((first ?? []).some((s) => s.description === marker.description)) fail('OpenTunnel was rejected but a tunnel with its description exists', what);
}

