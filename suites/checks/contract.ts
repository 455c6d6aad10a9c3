/**
 * Contract checks, one per operation: generated valid inputs are accepted and every response
 * validates against the operation's derived output schema (extra members are a freedom and
 * allowed: the schemas do not close structures).
 */
import fc from 'fast-check';
import { def, operationsIndex, type OperationName } from '../../specs/index.js';
import { validInput } from '../../generators/index.js';
import type { CheckContext } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { callOk, demandOk, destinationFor, fail, freshThingName, open, outputErrors, type Json, type Opened } from '../support.js';

const maxTags = def('TagList').maxItems as number;

interface ContractCase {
  id: string;
  op: OperationName;
  /** does each run need a tunnel of its own (it changes or ends it)? */
  tunnelPerRun: boolean;
  /** binds a generated input to a real tunnel, and says what to undo afterwards */
  bind(input: Json, tunnel: Opened | undefined): Json;
  undo?(ctx: CheckContext, input: Json, tunnel: Opened): Promise<void>;
}

const byId = (input: Json, t: Opened | undefined) => ({ ...input, tunnelId: t!.tunnelId });
const byArn = (input: Json, t: Opened | undefined) => ({ ...input, resourceArn: t!.tunnelArn });

const cases: ContractCase[] = [
  { id: 'OPEN-CONTRACT-001', op: 'OpenTunnel', tunnelPerRun: false, bind: (i) => i },
  { id: 'DESCRIBE-CONTRACT-001', op: 'DescribeTunnel', tunnelPerRun: false, bind: byId },
  {
    id: 'LIST-CONTRACT-001',
    op: 'ListTunnels',
    tunnelPerRun: false,
    // A made-up nextToken has no promised answer (tokens are opaque); pagination is LIST-PAGES-001's.
    // A generated thingName matches nothing: the shared tunnel's thing makes the pages non-empty.
    bind: (i, t) => ({
      ...i,
      nextToken: undefined,
      ...(i.thingName !== undefined && { thingName: (t!.sent.destinationConfig as { thingName: string }).thingName }),
    }),
  },
  {
    id: 'ROTATE-CONTRACT-001',
    op: 'RotateTunnelAccessToken',
    tunnelPerRun: false,
    // DOC: DestinationConfig may not be combined with SOURCE; that pairing is checked as invalid elsewhere.
    bind: (i, t) => (i.clientMode === 'SOURCE' ? { ...byId(i, t), destinationConfig: undefined } : byId(i, t)),
  },
  { id: 'CLOSE-CONTRACT-001', op: 'CloseTunnel', tunnelPerRun: true, bind: byId },
  {
    id: 'TAG-CONTRACT-001',
    op: 'TagResource',
    tunnelPerRun: false,
    // The tunnel already carries the run-id tag; a resource's total beyond TagList's maximum is not
    // promised by the model, so the generated list leaves room for it.
    bind: (i, t) => ({ ...byArn(i, t), tags: (i.tags as unknown[]).slice(0, maxTags - 1) }),
    // Untag what was added so that repeated runs never pile up past a per-resource limit.
    undo: async (ctx, input, t) => {
      const keys = (input.tags as { key: string }[]).map((x) => x.key).filter((k) => !k.startsWith('tunnel-conformance:'));
      if (keys.length) await callOk(ctx, 'UntagResource', { resourceArn: t.tunnelArn, tagKeys: keys });
    },
  },
  { id: 'TAG-CONTRACT-002', op: 'UntagResource', tunnelPerRun: false, bind: byArn },
  { id: 'TAG-CONTRACT-003', op: 'ListTagsForResource', tunnelPerRun: false, bind: byArn },
];

const stripUndefined = (o: Json): Json => JSON.parse(JSON.stringify(o));

for (const c of cases) {
  const needsTunnel = c.op !== 'OpenTunnel';
  defineCheck({
    id: c.id,
    title: `${c.op} accepts generated valid inputs and every response matches ${operationsIndex.operations[c.op].output?.split('/').pop()}`,
    level: 'MUST',
    source: `service-facts.md#constraints: MODEL: input and output shapes of ${c.op} (derived schema)`,
    operations: [c.op],
    cost: (runs) => ({
      tunnels: c.op === 'OpenTunnel' || c.tunnelPerRun ? runs : needsTunnel ? 1 : 0,
      calls: runs * (c.undo ? 2 : 1) + (needsTunnel ? runs + 1 : 0),
    }),
    async run(ctx) {
      const withThing = () => open(ctx, { destinationConfig: destinationFor(freshThingName(ctx, 'contract')) });
      const shared = needsTunnel && !c.tunnelPerRun ? await withThing() : undefined;
      const arb = validInput(c.op, { runId: ctx.runId }) as fc.Arbitrary<Json>;
      await assertProperty(ctx, arb, async (generated) => {
        const tunnel = c.tunnelPerRun ? await withThing() : shared;
        const input = stripUndefined(c.bind(generated, tunnel));
        const output =
          c.op === 'OpenTunnel' ? await openOutput(ctx, input) : await callOk(ctx, c.op, input);
        const errors = outputErrors(c.op, output);
        if (errors.length) fail(`${c.op} response does not match its output schema: ${errors.slice(0, 3).join('; ')}`);
        if (c.undo && tunnel) await c.undo(ctx, input, tunnel);
      });
    },
  });
}

async function openOutput(ctx: CheckContext, input: Json): Promise<Json> {
  const { result, sent } = await ctx.openTunnel(input);
  return demandOk(result, 'OpenTunnel', sent);
}
