/**
 * Contract checks, one per operation: generated valid inputs are accepted and every response
 * validates against the operation's derived output schema (extra members are a freedom and
 * allowed: the schemas do not close structures).
 */
import fc from 'fast-check';
import { def, operationsIndex, type OperationName } from '../../specs/index.js';
import { operationFacts } from '../../specs/facts.js';
import { validInput } from '../../generators/index.js';
import type { CheckContext, RunTunnel } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { callOk, demandOk, fail, outputErrors, refusedOverTagQuota, sameTags, sortedEntries, tagSet, tagTotal, thingOf, type Json } from '../support.js';

const maxTags = def('TagList').maxItems as number;

interface ContractCase {
  id: string;
  /** does each run need a tunnel of its own (it changes or ends it)? */
  tunnelPerRun?: boolean;
  /** binds a generated input to a real tunnel; by default the facts table's naming member */
  bind?(input: Json, tunnel: RunTunnel | undefined): Json;
  /** what to undo afterwards; `before` is the tunnel's tags before the call, when the case reads them */
  undo?(ctx: CheckContext, input: Json, tunnel: RunTunnel, before: Map<string, string> | undefined): Promise<void>;
  /**
   * Reads the tunnel's tags before each call: a refusal or an undo is compared with what this
   * very call started from, so a candidate fails for its own effect only (never for what an
   * earlier one left), and shrinking reaches the smallest input that shows the fault.
   */
  readsTags?: boolean;
  /**
   * For an input that can put more tags on a tunnel than the quota: how many it would carry, and
   * how to demand that a whole refusal left the tunnel as it was (SERVICE-FACTS unknown).
   */
  tagQuota?: { total(sent: Json, tunnel: RunTunnel | undefined, before: Map<string, string> | undefined): number; unchanged?(ctx: CheckContext, tunnel: RunTunnel, before: Map<string, string>): Promise<void> };
}

/** Fills the member that names the tunnel (facts table) with the shared or per-run tunnel. */
const named = (op: OperationName) => (input: Json, t: RunTunnel | undefined): Json => {
  const member = operationFacts[op].names;
  return member ? { ...input, [member]: member === 'tunnelId' ? t!.tunnelId : t!.tunnelArn } : input;
};

/** Keyed by operation: a re-derived operation does not compile until it has its contract check. In catalogue order. */
const cases: Record<OperationName, ContractCase> = {
  // Its samples come from the pool, which passes over a sample refused whole above the tag quota.
  OpenTunnel: { id: 'OPEN-CONTRACT-001', tagQuota: { total: (sent) => tagSet(sent.tags).size } },
  DescribeTunnel: { id: 'DESCRIBE-CONTRACT-001' },
  ListTunnels: {
    id: 'LIST-CONTRACT-001',
    // A made-up nextToken has no promised answer (tokens are opaque); pagination is LIST-PAGES-001's.
    // A generated thingName matches nothing: the shared tunnel's thing makes the pages non-empty.
    bind: (i, t) => ({
      ...i,
      nextToken: undefined,
      ...(i.thingName !== undefined && { thingName: (t!.sent.destinationConfig as { thingName: string }).thingName }),
    }),
  },
  RotateTunnelAccessToken: {
    id: 'ROTATE-CONTRACT-001',
    // DOC: DestinationConfig may not be combined with SOURCE; that pairing is checked as invalid elsewhere.
    // Whether a given destinationConfig replaces the tunnel's own is UNKNOWN: it keeps the tunnel's
    // thing, so that the tunnel stays listed where later checks look for it.
    bind: (i, t) => {
      const bound = named('RotateTunnelAccessToken')(i, t);
      if (i.clientMode === 'SOURCE') return { ...bound, destinationConfig: undefined };
      return i.destinationConfig ? { ...bound, destinationConfig: { ...(i.destinationConfig as Json), thingName: thingOf(t!) } } : bound;
    },
  },
  CloseTunnel: { id: 'CLOSE-CONTRACT-001', tunnelPerRun: true },
  TagResource: {
    id: 'TAG-CONTRACT-001',
    // The tunnel already carries the run-id tag; a resource's total beyond TagList's maximum is not
    // promised by the model, so the generated list leaves room for it.
    bind: (i, t) => ({ ...named('TagResource')(i, t), tags: (i.tags as unknown[]).slice(0, maxTags - 1) }),
    readsTags: true,
    // Untag what was added so that repeated runs never pile up past a per-resource limit, and
    // demand the tags are then as before (TagResource upserts the keys given, UntagResource
    // removes exactly those: the same MUSTs as TAG-UPSERT-001). A key stored other than given
    // (case-folded) is left behind: the failure names only the tags that differ.
    undo: async (ctx, input, t, before) => {
      const keys = (input.tags as { key: string }[]).map((x) => x.key).filter((k) => !k.startsWith('tunnel-conformance:'));
      if (keys.length) await callOk(ctx, 'UntagResource', { resourceArn: t!.tunnelArn, tagKeys: keys });
      const expected = new Map([...before!].filter(([k]) => !keys.includes(k)));
      const listed = tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn: t.tunnelArn })).tags);
      // An overwritten tag of the tunnel's own (a generated key equal to one it had) is put back.
      const overwritten = [...before!].filter(([k]) => keys.includes(k)).map(([key, value]) => ({ key, value }));
      if (overwritten.length) await callOk(ctx, 'TagResource', { resourceArn: t.tunnelArn, tags: overwritten });
      if (sameTags(expected, listed)) return;
      const left = sortedEntries(listed).filter(([k, v]) => expected.get(k) !== v);
      const lost = sortedEntries(expected).filter(([k, v]) => listed.get(k) !== v);
      // Put the tunnel back, so that the next candidate starts from what it expects.
      if (left.length) await ctx.target.call('UntagResource', { resourceArn: t.tunnelArn, tagKeys: left.map(([k]) => k) });
      if (lost.length) await ctx.target.call('TagResource', { resourceArn: t.tunnelArn, tags: lost.map(([key, value]) => ({ key, value })) });
      const sent = (input.tags as { key: string; value: string }[]).filter((x) => keys.includes(x.key));
      fail(
        `after TagResource and UntagResource of the same keys the tunnel's tags differ from before: left ${JSON.stringify(left)}, lost ${JSON.stringify(lost)}`,
        { tagged: sent.length > 10 ? `${sent.length} tags` : sent, untagged: keys.length > 10 ? `${keys.length} keys` : keys, left, lost },
      );
    },
    tagQuota: {
      total: (sent, t, before) => tagTotal((before ?? tagSet(t!.sent.tags)).keys(), sent.tags),
      unchanged: async (ctx, t, before) => {
        const listed = tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn: t.tunnelArn })).tags);
        if (!sameTags(listed, before)) {
          const changed = sortedEntries(listed).filter(([k, v]) => before.get(k) !== v);
          const lost = sortedEntries(before).filter(([k, v]) => listed.get(k) !== v);
          fail(`TagResource was refused over the tag quota but the tunnel's tags changed: added or altered ${JSON.stringify(changed)}, lost ${JSON.stringify(lost)}`, { changed, lost });
        }
      },
    },
  },
  UntagResource: { id: 'TAG-CONTRACT-002' },
  ListTagsForResource: { id: 'TAG-CONTRACT-003' },
};

const stripUndefined = (o: Json): Json => JSON.parse(JSON.stringify(o));

for (const c of (Object.entries(cases) as [OperationName, ContractCase][]).map(([op, rest]) => ({ op, ...rest }))) {
  const opens = operationFacts[c.op].opens === true;
  // Every other operation acts on, or lists, a tunnel of the check's own.
  const needsTunnel = !opens;
  const bind = c.bind ?? named(c.op);
  defineCheck({
    id: c.id,
    title: `${c.op} accepts generated valid inputs and every response matches ${operationsIndex.operations[c.op].output?.split('/').pop()}`,
    level: 'MUST',
    source: `service-facts.md#constraints: MODEL: input and output shapes of ${c.op} (derived schema)${c.tagQuota ? '; service-facts.md#unknown: "more than 50 tags on one tunnel (either all kept, or a 4xx that changes nothing; never some silently dropped)"' : ''}${c.readsTags ? '; service-facts.md#tags: TagResource upserts, UntagResource removes exactly the keys given (its undo puts the tags back as they were)' : ''}`,
    operations: [c.op],
    cost: (runs) => ({
      tunnels: opens || c.tunnelPerRun ? runs : 1,
      calls: runs * (c.undo ? 2 : 1) + (c.readsTags ? runs * 2 : 0) + (needsTunnel ? runs + 1 : 0),
    }),
    // OpenTunnel's samples are the run's samples; a call that ends its tunnel takes one a run, the others share the work tunnel.
    tunnelNeeds: (runs) => (opens ? { samples: true } : c.tunnelPerRun ? { take: [{ stage: 'open', count: runs, leaves: 'deleted' }] } : { work: true }),
    async run(ctx) {
      const shared = needsTunnel && !c.tunnelPerRun ? await ctx.tunnels.work() : undefined;
      if (opens) {
        await assertProperty(ctx, ctx.tunnels.samples(), async (sample) => {
          const errors = outputErrors(c.op, (await sample.get()).output);
          if (errors.length) fail(`${c.op} response does not match its output schema: ${errors.slice(0, 3).join('; ')}`);
        });
        return;
      }
      const arb = validInput(c.op, { runId: ctx.runId }) as fc.Arbitrary<Json>;
      await assertProperty(ctx, arb, async (generated) => {
        const tunnel = c.tunnelPerRun ? await ctx.tunnels.take('open') : shared;
        const input = stripUndefined(bind(generated, tunnel));
        const before = c.readsTags && tunnel ? tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn: tunnel.tunnelArn })).tags) : undefined;
        const result = await ctx.target.call(c.op, input);
        if (c.tagQuota && refusedOverTagQuota(result, c.tagQuota.total(input, tunnel, before))) {
          if (tunnel) await c.tagQuota.unchanged?.(ctx, tunnel, before ?? tagSet(tunnel.sent.tags));
          return;
        }
        const output = demandOk(result, c.op, input);
        const errors = outputErrors(c.op, output);
        if (errors.length) fail(`${c.op} response does not match its output schema: ${errors.slice(0, 3).join('; ')}`, undefined, { kind: 'shape', operation: c.op, expected: `the ${c.op} output schema`, actual: errors.slice(0, 3).join('; ') });
        if (c.undo && tunnel) await c.undo(ctx, input, tunnel, before);
      });
    },
  });
}
