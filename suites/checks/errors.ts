import fc from 'fast-check';
import { operationsIndex, type OperationName } from '../../specs/index.js';
import { arbitraryFor } from '../../generators/index.js';
import { defineCheck } from '../check.js';
import { unexpectedAnswer } from '../api.js';
import { assertProperty } from '../property.js';
import { isNotFound, noteAnswer } from '../support.js';

/** Operations whose model lists ResourceNotFoundException, with the member that names the tunnel. */
const byTunnelId: OperationName[] = ['CloseTunnel', 'DescribeTunnel', 'RotateTunnelAccessToken'];

export const missingTunnel = defineCheck({
  id: 'ERR-NOT-FOUND-001',
  title: 'A tunnel id that was never opened is ResourceNotFoundException with a 4xx status',
  level: 'MUST',
  source: 'service-facts.md#wire: MODEL: errors of DescribeTunnel/CloseTunnel/RotateTunnelAccessToken list ResourceNotFoundException; DOC: 400 and 404 are both seen',
  operations: byTunnelId,
  cost: (runs) => ({ tunnels: 0, calls: runs }),
  async run(ctx) {
    const modelled = byTunnelId.filter((op) => operationsIndex.operations[op].errors.some((e) => e.code === 'ResourceNotFoundException'));
    const arb = fc.record({
      op: fc.constantFrom(...modelled),
      // A fresh id the run never opened: random ids from the TunnelId pattern collide with nothing real.
      tunnelId: arbitraryFor('TunnelId') as fc.Arbitrary<string>,
    });
    const statuses: string[] = [];
    await assertProperty(ctx, arb, async ({ op, tunnelId }) => {
      const input: Record<string, unknown> = { tunnelId };
      if (op === 'RotateTunnelAccessToken') input.clientMode = 'ALL';
      const r = await ctx.target.call(op, input);
      noteAnswer(statuses, r);
      if (!isNotFound(r)) throw unexpectedAnswer(op, r, 'a 4xx ResourceNotFoundException', { op, input }, `${op} of an unknown tunnel`);
    });
    ctx.observe({ id: 'not-found-status', question: 'Which HTTP status does a missing tunnel get (the model says 404, the API reference shows 400)?', answer: statuses });
  },
});
