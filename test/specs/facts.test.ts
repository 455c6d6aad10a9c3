import { describe, expect, it } from 'vitest';
import { def, defName, inputShape, operationNames, operationsIndex } from '../../specs/index.js';
import { operationFacts } from '../../specs/facts.js';

const members = (op: (typeof operationNames)[number]) => (def(inputShape(op)).properties ?? {}) as Record<string, { $ref?: string }>;
const required = (op: (typeof operationNames)[number]) => (def(inputShape(op)).required ?? []) as string[];

/** The hand-written facts may not contradict what the derived schema says about the same operation. */
describe('operation facts agree with the derived specs', () => {
  it('has a row for every derived operation and no other', () => {
    expect(Object.keys(operationFacts).sort()).toEqual([...operationNames].sort());
  });

  it.each(operationNames)('%s: the member that names the tunnel is a required TunnelId or AmazonResourceName, and the only one', (op) => {
    const naming = Object.entries(members(op))
      .filter(([, s]) => s.$ref && ['TunnelId', 'AmazonResourceName'].includes(defName(s.$ref)))
      .map(([k]) => k);
    const { names } = operationFacts[op];
    expect(naming).toEqual(names ? [names] : []);
    if (names) expect(required(op)).toContain(names);
  });

  it.each(operationNames)('%s: a scoping member is an input member, and changes or unknowns need a named tunnel', (op) => {
    const f = operationFacts[op];
    if (f.scopedBy) expect(Object.keys(members(op))).toContain(f.scopedBy);
    if (f.changes || f.unknownWhenClosed) expect(f.names).toBeDefined();
    if (f.opens) expect(f.names).toBeUndefined();
  });

  it('the derived index gives each operation its X-Amz-Target and SDK command', async () => {
    const sdk = (await import('@aws-sdk/client-iotsecuretunneling')) as Record<string, unknown>;
    for (const op of operationNames) {
      const { target, command } = operationsIndex.operations[op];
      expect(target).toBe(`${operationsIndex.service.targetPrefix}.${op}`);
      expect(sdk[command], command).toBeTypeOf('function');
    }
  });
});
