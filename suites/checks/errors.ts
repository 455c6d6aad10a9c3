import fc from 'fast-check';
import { def, inputShape, operationNames, operationsIndex, type OperationName } from '../../specs/index.js';
import { operationFacts } from '../../specs/facts.js';
import { arbitraryFor, validInput } from '../../generators/index.js';
import { defineCheck } from '../check.js';
import { unexpectedAnswer } from '../api.js';
import { assertProperty } from '../property.js';
import { isNotFound, noteAnswer } from '../support.js';

/** Operations that name a tunnel by id and whose model lists ResourceNotFoundException. */
const byTunnelId = operationNames.filter(
  (op) => operationFacts[op].names === 'tunnelId' && operationsIndex.operations[op].errors.some((e) => e.code === 'ResourceNotFoundException'),
);

/** Only what the input requires: an optional member could be refused before the lookup, which would hide it. */
const requiredOnly = (op: OperationName) => {
  const required = (def(inputShape(op)).required ?? []) as string[];
  return validInput(op).map((input) => Object.fromEntries(Object.entries(input).filter(([k]) => required.includes(k))));
};

export const missingTunnel = defineCheck({
  id: 'ERR-NOT-FOUND-001',
  title: 'A tunnel id that was never opened is ResourceNotFoundException with a 4xx status',
  level: 'MUST',
  source: 'service-facts.md#wire: MODEL: errors of DescribeTunnel/CloseTunnel/RotateTunnelAccessToken list ResourceNotFoundException; DOC: 400 and 404 are both seen',
  operations: byTunnelId,
  cost: (runs) => ({ tunnels: 0, calls: runs }),
  async run(ctx) {
    const arb = fc.constantFrom(...byTunnelId).chain((op) =>
      fc.record({
        op: fc.constant(op),
        // A fresh id the run never opened: random ids from the TunnelId pattern collide with nothing real.
        tunnelId: arbitraryFor('TunnelId') as fc.Arbitrary<string>,
        rest: requiredOnly(op),
      }),
    );
    const statuses: string[] = [];
    await assertProperty(ctx, arb, async ({ op, tunnelId, rest }) => {
      const input: Record<string, unknown> = { ...rest, tunnelId };
      const r = await ctx.target.call(op, input);
      noteAnswer(statuses, r);
      if (!isNotFound(r)) throw unexpectedAnswer(op, r, 'a 4xx ResourceNotFoundException', { op, input }, `${op} of an unknown tunnel`);
    });
    ctx.observe({ id: 'not-found-status', question: 'Which HTTP status does a missing tunnel get (the model says 404, the API reference shows 400)?', answer: statuses });
  },
});
