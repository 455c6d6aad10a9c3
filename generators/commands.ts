/**
 * Command descriptions for model-based runs: plain data (an operation, its input, and for
 * commands on an existing tunnel a `tunnelRef` resolved at run time modulo the tunnels opened so
 * far). The suite turns them into fc.Commands; keeping them data makes them printable and
 * replayable in a report.
 */
import fc from 'fast-check';
import { def, defName, inputShape, type OperationName } from '../specs/index.js';
import type { JsonSchema } from '../specs/json-schema.js';
import { domainCompileOptions, uniqueThingName } from './domain.js';
import { stringRule } from './strings.js';
import { validInputWith, type Input } from './valid.js';

export type CommandDescription =
  | { op: 'OpenTunnel'; input: Input }
  | { op: 'CloseTunnel'; tunnelRef: number; delete: boolean }
  | { op: 'DescribeTunnel'; tunnelRef: number }
  | { op: 'ListTunnels'; input: Input }
  | { op: 'RotateTunnelAccessToken'; tunnelRef: number; input: Input }
  | { op: 'TagResource'; tunnelRef: number; input: Input }
  | { op: 'UntagResource'; tunnelRef: number; input: Input }
  | { op: 'ListTagsForResource'; tunnelRef: number };

/** Shapes whose value names a tunnel: the runner fills them from `tunnelRef`. */
const TUNNEL_NAMING = new Set(['TunnelId', 'AmazonResourceName']);

/** The input members that name the target tunnel, read from the schema rather than listed by hand. */
export function tunnelNamingMembers(op: OperationName): string[] {
  const props = (def(inputShape(op)).properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(props)
    .filter(([, s]) => typeof s.$ref === 'string' && TUNNEL_NAMING.has(defName(s.$ref)))
    .map(([k]) => k);
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
  const inputFor = (op: OperationName, drop: string[] = []) =>
    validInputWith(op, options).map((input) => {
      const out = { ...input };
      for (const k of [...tunnelNamingMembers(op), ...drop]) delete out[k];
      return out;
    });
  const ref = fc.nat();
  // The cursor comes from a previous page, never from a generator.
  const listInput = inputFor('ListTunnels', ['nextToken']).chain((input) =>
    opts.scopedLists === false ? fc.constant(input) : fc.constantFrom(...thingNames).map((thingName) => ({ ...input, thingName })),
  );
  return fc.oneof(
    { arbitrary: inputFor('OpenTunnel').map((input) => ({ op: 'OpenTunnel' as const, input })), weight: 4 },
    { arbitrary: fc.record({ tunnelRef: ref, delete: fc.boolean() }).map((c) => ({ op: 'CloseTunnel' as const, ...c })), weight: 2 },
    { arbitrary: ref.map((tunnelRef) => ({ op: 'DescribeTunnel' as const, tunnelRef })), weight: 2 },
    { arbitrary: listInput.map((input) => ({ op: 'ListTunnels' as const, input })), weight: 2 },
    ...(['RotateTunnelAccessToken', 'TagResource', 'UntagResource'] as const).map((op) => ({
      arbitrary: fc.tuple(ref, inputFor(op)).map(([tunnelRef, input]) => ({ op, tunnelRef, input })),
      weight: 2,
    })),
    { arbitrary: ref.map((tunnelRef) => ({ op: 'ListTagsForResource' as const, tunnelRef })), weight: 2 },
  );
}
