/**
 * Command descriptions for model-based runs: plain data (an operation, its input, and for
 * commands on an existing tunnel a `tunnelRef` resolved at run time modulo the tunnels opened so
 * far). The suite turns them into fc.Commands; keeping them data makes them printable and
 * replayable in a report.
 */
import fc from 'fast-check';
import { def, operationNames, operationsIndex, type OperationName } from '../specs/index.js';
import { operationFacts } from '../specs/facts.js';
import { domainCompileOptions, uniqueThingName } from './domain.js';
import { stringRule } from './strings.js';
import { validInputWith, type Input } from './valid.js';

export interface CommandDescription {
  op: OperationName;
  /** a valid input, without the member that names a tunnel and without a pagination cursor */
  input: Input;
  /** for an operation on an existing tunnel: which one, modulo the tunnels opened so far */
  tunnelRef?: number;
}

/** The input members that name the target tunnel (the facts table's `names`). */
export function tunnelNamingMembers(op: OperationName): string[] {
  const { names } = operationFacts[op];
  return names ? [names] : [];
}

/** A few fixed values that several commands share, so that filters and untags hit something. */
function pool(shape: string, make: (i: number) => string, size: number): string[] {
  const rule = stringRule(def(shape));
  const values = Array.from({ length: size }, (_, i) => make(i));
  for (const v of values) {
    const n = [...v].length;
    const fits = n >= rule.bounds.min && (rule.bounds.max === undefined || n <= rule.bounds.max) && [...v].every((c) => rule.alphabet.has(c.codePointAt(0)!));
    if (!fits) throw new Error(`generators: pooled ${shape} ${JSON.stringify(v)} is not valid`);
  }
  return values;
}

const POOL_SIZE = 3;

export interface CommandOptions {
  runId: string;
  /**
   * ListTunnels always filters by one of this run's thing names (default true), so that a run on
   * a shared account sees only its own tunnels. Turn off for a private target.
   */
  scopedLists?: boolean;
}

export function commandDescriptions(opts: CommandOptions): fc.Arbitrary<CommandDescription> {
  const base = domainCompileOptions({ runId: opts.runId });
  const thingNames = pool('ThingName', (i) => `tc-${opts.runId}-${i}`, POOL_SIZE);
  const tagKeys = pool('TagKey', (i) => `tc-key-${i}`, POOL_SIZE);
  const options = {
    ...base,
    overrides: {
      ...base.overrides,
      ThingName: fc.oneof({ arbitrary: fc.constantFrom(...thingNames), weight: 3 }, { arbitrary: uniqueThingName(opts.runId), weight: 1 }),
      TagKey: fc.oneof({ arbitrary: fc.constantFrom(...tagKeys), weight: 1 }, { arbitrary: base.overrides!.TagKey, weight: 1 }),
    },
  };
  // The cursor comes from a previous page, never from a generator.
  const cursor = (op: OperationName) => operationsIndex.operations[op].paginated?.inputToken;
  const inputFor = (op: OperationName) =>
    validInputWith(op, options).chain((input) => {
      const out = { ...input };
      for (const k of [...tunnelNamingMembers(op), cursor(op)]) if (k !== undefined) delete out[k];
      const scope = operationFacts[op].scopedBy;
      if (!scope || opts.scopedLists === false) return fc.constant(out);
      return fc.constantFrom(...thingNames).map((value) => ({ ...out, [scope]: value }));
    });
  const describe = (op: OperationName): fc.Arbitrary<CommandDescription> =>
    tunnelNamingMembers(op).length
      ? fc.tuple(fc.nat(), inputFor(op)).map(([tunnelRef, input]) => ({ op, tunnelRef, input }))
      : inputFor(op).map((input) => ({ op, input }));
  // Opening is weighted up so that sequences have tunnels to act on.
  return fc.oneof(...operationNames.map((op) => ({ arbitrary: describe(op), weight: operationFacts[op].opens ? 4 : 2 })));
}
