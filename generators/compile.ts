/**
 * Compiles the derived JSON Schema into fast-check arbitraries: one general walk over the
 * keywords the deriver emits, so a new shape or a changed constraint in the model needs no
 * generator change. Keywords it does not understand are refused, not ignored.
 */
import fc from 'fast-check';
import { def, defName } from '../specs/index.js';
import { ANNOTATIONS, type JsonSchema } from '../specs/json-schema.js';
import { integerArbitrary, sizeArbitrary } from './sizes.js';
import { stringArbitrary, stringRule } from './strings.js';

export interface CompileOptions {
  /** Draw min, min+1, max-1 and max of every length and range on purpose. */
  boundaryBias?: boolean;
  /** Arbitraries to use instead of compiling a named shape (domain knowledge, see domain.ts). */
  overrides?: Record<string, fc.Arbitrary<unknown>>;
  /** Lists (by shape name) whose items must differ in the selected value. */
  distinct?: Record<string, (item: unknown) => unknown>;
  /** Item-count bounds (by shape name) narrower than the schema's, from the service's documentation. */
  itemBounds?: Record<string, { minItems?: number; maxItems?: number }>;
}

const KNOWN = new Set([
  '$ref', 'type', 'enum', 'properties', 'required', 'items', 'minItems', 'maxItems',
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'contentEncoding', ...ANNOTATIONS,
]);

export function assertSupported(schema: JsonSchema, where: string): void {
  for (const k of Object.keys(schema)) {
    if (!KNOWN.has(k)) throw new Error(`generators: schema keyword "${k}" in ${where} is not supported`);
  }
}

export class SchemaCompiler {
  private readonly named = new Map<string, fc.Arbitrary<unknown>>();
  private readonly bias: boolean;

  constructor(private readonly opts: CompileOptions = {}) {
    this.bias = opts.boundaryBias ?? false;
  }

  /** The arbitrary for a `$defs` entry, honouring overrides; memoised per compiler. */
  shape(name: string): fc.Arbitrary<unknown> {
    const override = this.opts.overrides?.[name];
    if (override) return override;
    let arb = this.named.get(name);
    if (!arb) {
      arb = this.schema(def(name), name);
      this.named.set(name, arb);
    }
    return arb;
  }

  schema(schema: JsonSchema, where: string): fc.Arbitrary<unknown> {
    assertSupported(schema, where);
    if (typeof schema.$ref === 'string') return this.shape(defName(schema.$ref));
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    switch (schema.type) {
      case 'string':
        return stringArbitrary(stringRule(schema), this.bias);
      case 'integer':
        return integerArbitrary({ min: schema.minimum as number | undefined, max: schema.maximum as number | undefined }, this.bias);
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum as number | undefined, max: schema.maximum as number | undefined });
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const narrow = this.opts.itemBounds?.[where];
        const min = narrow?.minItems ?? (schema.minItems as number | undefined) ?? 0;
        const max = narrow?.maxItems ?? (schema.maxItems as number | undefined);
        return this.list(schema, where, sizeArbitrary({ min, max }, this.bias));
      }
      case 'object': {
        const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
        const members = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, this.schema(s, `${where}/${k}`)]));
        // Optional members are each present or absent; fc.record decides per key. Plain
        // prototypes: SDK serialisers and `hasOwnProperty` callers downstream expect them.
        return fc.record(members, { requiredKeys: (schema.required ?? []) as string[], noNullPrototype: true });
      }
      default:
        throw new Error(`generators: schema type ${JSON.stringify(schema.type)} in ${where} is not supported`);
    }
  }

  /** Lists of an array schema's items with a length drawn from `length` (which may break the schema's bounds). */
  list(schema: JsonSchema, where: string, length: fc.Arbitrary<number>): fc.Arbitrary<unknown[]> {
    const items = this.schema(schema.items as JsonSchema, `${where}/items`);
    const selector = this.opts.distinct?.[where];
    return length.chain((n) =>
      selector ? fc.uniqueArray(items, { selector, minLength: n, maxLength: n }) : fc.array(items, { minLength: n, maxLength: n }),
    );
  }
}

/** The arbitrary for a named shape, compiled from its schema alone (no domain knowledge). */
export function arbitraryFor(shapeName: string, opts: { boundaryBias?: boolean } = {}): fc.Arbitrary<unknown> {
  return new SchemaCompiler({ boundaryBias: opts.boundaryBias }).shape(shapeName);
}
