/**
 * Invalid operation inputs that break exactly one schema constraint, labelled with which one and
 * where (a JSON pointer), so that a check can assert "rejected, and nothing changed" per reason.
 *
 * Each is made from a valid, domain-aware input by replacing one member (or dropping one, or
 * resizing one list). A label is what ajv would report: when one bad value would break two
 * keywords at once (an empty ThingName breaks both `minLength` and `^[…]+$`) it is not produced;
 * when the pattern's quantifier is the only length limit (`^[^\p{C}]{1,2048}$` has no maxLength)
 * a too-long string is labelled `pattern`, which is what it breaks.
 */
import fc from 'fast-check';
import { def, defName, inputShape, type OperationName } from '../specs/index.js';
import type { JsonSchema } from '../specs/json-schema.js';
import { complementSet, type CodePointSet } from './charset.js';
import { SchemaCompiler, assertSupported } from './compile.js';
import { domainCompileOptions, keepsCrossMemberRules } from './domain.js';
import { fromCodePoints, stringOver, stringRule, type StringRule } from './strings.js';
import { UNBOUNDED_EXTRA } from './sizes.js';

export type InvalidReason =
  | 'too-short' | 'too-long' | 'pattern' | 'below-range' | 'above-range' | 'enum'
  | 'missing-required' | 'wrong-type' | 'coercible-type' | 'too-many-items' | 'too-few-items';

export interface InvalidSample {
  input: Record<string, unknown>;
  reason: InvalidReason;
  /** JSON pointer of the broken member, e.g. `/tags/3/key`. */
  path: string;
  /** The operation's input shape. */
  shape: string;
}

/** The ajv keyword each reason shows up as. */
export const AJV_KEYWORD: Record<InvalidReason, string> = {
  'too-short': 'minLength', 'too-long': 'maxLength', pattern: 'pattern', 'below-range': 'minimum', 'above-range': 'maximum',
  enum: 'enum', 'missing-required': 'required', 'wrong-type': 'type', 'coercible-type': 'type', 'too-many-items': 'maxItems', 'too-few-items': 'minItems',
};

interface Broken {
  value: unknown;
  /** Pointer relative to the value. */
  path: string;
}

interface Breaker {
  reason: InvalidReason;
  arb: fc.Arbitrary<Broken>;
}

const pointerToken = (key: string) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
const at = (value: unknown, path = ''): Broken => ({ value, path });

const SCALARS = ['string', 'number', 'integer', 'boolean'];

/**
 * Values of each JSON type except the schema's (null is left out: AWS JSON reads it as absent),
 * in two reasons: `wrong-type` where no deserializer can coerce (a scalar for a structure or a
 * list, or the reverse: SERVICE-FACTS, a MUST 4xx), `coercible-type` a scalar of another scalar
 * type (`"5"` or `5.5` for an integer, `7` for a string: SERVICE-FACTS unknown, lenient
 * deserializers coerce).
 */
function typeBreakers(schema: JsonSchema): Breaker[] {
  const type = schema.type as string;
  const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
  const pool: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 8 }),
    // A fraction inside the range: ajv checks minimum/maximum on any number, so one outside it
    // would break the range as well as the type.
    number: fc.integer({ min: minimum ?? -1000, max: (maximum ?? 1000) - 1 }).map((n) => n + 0.5),
    integer: fc.integer({ min: -1000, max: 1000 }),
    boolean: fc.boolean(),
    array: fc.array(fc.integer(), { maxLength: 3 }),
    object: fc.constant({}),
  };
  // An integer is also a number; a fraction is a number but not an integer.
  const excluded = type === 'number' ? ['number', 'integer'] : [type];
  const others = Object.keys(pool).filter((t) => !excluded.includes(t));
  const breaker = (reason: InvalidReason, types: string[]): Breaker[] =>
    types.length ? [{ reason, arb: fc.oneof(...types.map((t) => pool[t])).map((v) => at(v)) }] : [];
  const scalar = SCALARS.includes(type);
  return [
    ...breaker('wrong-type', others.filter((t) => !scalar || !SCALARS.includes(t))),
    ...breaker('coercible-type', scalar ? others.filter((t) => SCALARS.includes(t)) : []),
  ];
}

/** Which keywords a string of `length` valid characters breaks. */
function lengthKeywords(rule: StringRule, length: number): InvalidReason[] {
  const broken: InvalidReason[] = [];
  if (rule.minLength !== undefined && length < rule.minLength) broken.push('too-short');
  if (rule.maxLength !== undefined && length > rule.maxLength) broken.push('too-long');
  const q = rule.repetition;
  if (q && (length < q.min || (q.max !== undefined && length > q.max))) broken.push('pattern');
  return broken;
}

function stringBreakers(rule: StringRule): Breaker[] {
  const { min, max } = rule.bounds;
  const candidates = new Set<number>([0, 1, min - 1]);
  if (max !== undefined) [max + 1, max + 2, max + UNBOUNDED_EXTRA].forEach((n) => candidates.add(n));
  const byReason = new Map<InvalidReason, number[]>();
  for (const n of candidates) {
    if (n < 0 || (n >= min && (max === undefined || n <= max))) continue;
    const broken = lengthKeywords(rule, n);
    // Only lengths that break exactly one keyword: the label must be the whole story.
    if (broken.length === 1) byReason.set(broken[0], [...(byReason.get(broken[0]) ?? []), n]);
  }
  const breakers: Breaker[] = [...byReason].map(([reason, lengths]) => ({
    reason,
    arb: fc.constantFrom(...lengths).chain((n) => stringOver(rule.alphabet, { min: n, max: n }, true)).map((s) => at(s)),
  }));
  if (rule.repetition && (max === undefined || max >= 1)) {
    const outside = stringOver(complementSet(rule.repetition.classBody), { min: 1, max: 1 }, false).map((c) => c.codePointAt(0)!);
    const valid = stringOver(rule.alphabet, { min: Math.max(min, 1), max }, true);
    breakers.push({
      reason: 'pattern',
      arb: fc.tuple(valid, fc.nat(), outside).map(([s, i, cp]) => {
        const cps = [...s].map((ch) => ch.codePointAt(0)!);
        cps[i % cps.length] = cp;
        return at(fromCodePoints(cps));
      }),
    });
  }
  return breakers;
}

function rangeBreakers(schema: JsonSchema): Breaker[] {
  const breakers: Breaker[] = [];
  const { minimum: lo, maximum: hi } = schema as { minimum?: number; maximum?: number };
  const beyond = (edge: number, dir: 1 | -1) =>
    fc.oneof(fc.constant(edge + dir), fc.integer({ min: 2, max: 100_000 }).map((d) => edge + dir * d)).map((v) => at(v));
  if (lo !== undefined) breakers.push({ reason: 'below-range', arb: beyond(lo, -1) });
  if (hi !== undefined) breakers.push({ reason: 'above-range', arb: beyond(hi, 1) });
  return breakers;
}

/**
 * Up to `n` distinct one-unit characters of a set, ASCII first, none that JSON escapes: the
 * shortest distinct strings a smallest breaking list can give its items.
 */
function plainMembers(set: CodePointSet, n: number): string[] {
  const out: string[] = [];
  for (const plane of ['ascii', 'bmp']) {
    for (const b of set.buckets.filter((x) => x.plane === plane)) {
      for (const [lo, hi] of b.ranges) {
        for (let cp = lo; cp <= hi && out.length < n; cp++) if (cp > 0x20 && cp !== 0x22 && cp !== 0x5c) out.push(String.fromCodePoint(cp));
      }
    }
  }
  return out;
}

/**
 * The `i`-th smallest valid value of a schema: required members only, strings of their minimum
 * length (at least one character where a string must be non-empty, the `i`-th plain character so
 * that items differ), numbers at their minimum, the first enum value. Undefined where the schema
 * has no such value this simple way (then shrinking alone makes it smaller).
 */
function smallestValid(schema: JsonSchema, i: number, seen = new Set<string>()): unknown {
  if (typeof schema.$ref === 'string') {
    const name = defName(schema.$ref);
    if (seen.has(name)) return undefined;
    return smallestValid(def(name), i, new Set([...seen, name]));
  }
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'string': {
      const rule = stringRule(schema);
      if (rule.bounds.min === 0) return '';
      const ch = plainMembers(rule.alphabet, i + 1)[i];
      return ch === undefined ? undefined : ch.repeat(rule.bounds.min);
    }
    case 'integer':
    case 'number':
      return (schema.minimum as number | undefined) ?? 0;
    case 'boolean':
      return false;
    case 'array': {
      const items = Array.from({ length: (schema.minItems as number | undefined) ?? 0 }, (_, k) => smallestValid(schema.items as JsonSchema, k, seen));
      return items.includes(undefined) ? undefined : items;
    }
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const entries = ((schema.required ?? []) as string[]).map((k) => [k, smallestValid(props[k], i, seen)] as const);
      return entries.some(([, v]) => v === undefined) ? undefined : Object.fromEntries(entries);
    }
    default:
      return undefined;
  }
}

/**
 * An arbitrary whose first shrink is `smallest` (then its own shrinks): a list one item over
 * maxItems made of 201 random tags would take a shrink candidate per item to become small; the
 * smallest breaking list is one candidate. Generation is unchanged, so the values sent keep
 * their variety; only the shrunk case is the smallest.
 */
class SmallestFirst<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly arb: fc.Arbitrary<T>,
    private readonly smallest: T,
  ) {
    super();
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.arb.generate(mrng, biasFactor);
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.arb.canShrinkWithoutContext(value);
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    // The smallest value itself (no context) has nothing smaller to try.
    if (context === undefined && JSON.stringify(value) === JSON.stringify(this.smallest)) return fc.Stream.nil();
    const own = context === undefined && !this.arb.canShrinkWithoutContext(value) ? fc.Stream.nil<fc.Value<T>>() : this.arb.shrink(value, context);
    return fc.Stream.of(new fc.Value(this.smallest, undefined)).join(own);
  }
}

class InvalidCompiler {
  private readonly named = new Map<string, Breaker[]>();
  readonly valid = new SchemaCompiler(domainCompileOptions());

  shape(name: string): Breaker[] {
    let b = this.named.get(name);
    if (!b) {
      this.named.set(name, (b = []));
      b.push(...this.node(def(name), name));
    }
    return b;
  }

  /** Every way to break a value of this schema while keeping the rest of it valid. */
  node(schema: JsonSchema, where: string, asRoot = false): Breaker[] {
    assertSupported(schema, where);
    if (typeof schema.$ref === 'string') return this.shape(defName(schema.$ref));
    // ajv applies `enum` to every type, so a wrong-type value for an enum would break two keywords.
    const wrongType: Breaker[] = asRoot || Array.isArray(schema.enum) ? [] : typeBreakers(schema);
    if (Array.isArray(schema.enum)) {
      const allowed = schema.enum as unknown[];
      const notAllowed = fc.oneof(
        fc.constantFrom(...allowed.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase())),
        fc.string({ minLength: 1, maxLength: 12 }),
      ).filter((v) => !allowed.includes(v));
      return [{ reason: 'enum', arb: notAllowed.map((v) => at(v)) }];
    }
    switch (schema.type) {
      case 'string':
        return [...wrongType, ...stringBreakers(stringRule(schema))];
      case 'integer':
      case 'number':
        return [...wrongType, ...rangeBreakers(schema)];
      case 'boolean':
        return wrongType;
      case 'array':
        return [...wrongType, ...this.arrayBreakers(schema, where)];
      case 'object':
        return [...wrongType, ...this.objectBreakers(schema, where)];
      default:
        throw new Error(`generators: schema type ${JSON.stringify(schema.type)} in ${where} is not supported`);
    }
  }

  private arrayBreakers(schema: JsonSchema, where: string): Breaker[] {
    const { minItems = 0, maxItems } = schema as { minItems?: number; maxItems?: number };
    const breakers: Breaker[] = [];
    const sized = (lo: number, hi: number) => this.valid.list(schema, where, fc.integer({ min: lo, max: hi })).map((v) => at(v));
    if (minItems > 0) breakers.push({ reason: 'too-few-items', arb: sized(0, minItems - 1) });
    if (maxItems !== undefined) {
      // The smallest breaking list: exactly maxItems + 1 of the smallest items, distinct (a TagList's keys must differ).
      const items = Array.from({ length: maxItems + 1 }, (_, i) => smallestValid(schema.items as JsonSchema, i));
      const smallest = items.includes(undefined) ? undefined : at(items);
      const arb = sized(maxItems + 1, maxItems + 3);
      breakers.push({ reason: 'too-many-items', arb: smallest ? new SmallestFirst(arb, smallest) : arb });
    }
    const base = this.valid.list(schema, where, fc.integer({ min: Math.max(minItems, 1), max: Math.max(minItems, 1) + 4 }));
    for (const item of this.node(schema.items as JsonSchema, `${where}/items`)) {
      breakers.push({
        reason: item.reason,
        arb: fc.tuple(base, fc.nat(), item.arb).map(([list, i, bad]) => {
          const k = i % list.length;
          const copy = [...list];
          copy[k] = bad.value;
          return at(copy, `/${k}${bad.path}`);
        }),
      });
    }
    return breakers;
  }

  private objectBreakers(schema: JsonSchema, where: string): Breaker[] {
    const base = this.valid.schema(schema, where) as fc.Arbitrary<Record<string, unknown>>;
    const breakers: Breaker[] = ((schema.required ?? []) as string[]).map((key) => ({
      reason: 'missing-required' as const,
      arb: base.map(({ [key]: _dropped, ...rest }) => at(rest, pointerToken(key))),
    }));
    for (const [key, member] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
      for (const b of this.node(member, `${where}/${key}`)) {
        breakers.push({ reason: b.reason, arb: fc.tuple(base, b.arb).map(([obj, bad]) => at({ ...obj, [key]: bad.value }, pointerToken(key) + bad.path)) });
      }
    }
    return breakers;
  }
}

let compiler: InvalidCompiler | undefined;
const rootBreakers = (op: OperationName) => {
  compiler ??= new InvalidCompiler();
  const shape = inputShape(op);
  return compiler.node(def(shape), shape, true);
};

/** How many (member, reason) pairs an operation's input has (of one reason, when given): the length of every everyInvalidInput sample. */
export const invalidPairCount = (op: OperationName, reason?: InvalidReason) => rootBreakers(op).filter((b) => !reason || b.reason === reason).length;

/** The reasons an operation's input can be broken for, in schema order without repeats. */
export function invalidReasons(op: OperationName): InvalidReason[] {
  return [...new Set(rootBreakers(op).map((b) => b.reason))];
}

function breakerSamples(op: OperationName): fc.Arbitrary<InvalidSample>[] {
  const shape = inputShape(op);
  return rootBreakers(op).map((b) =>
    b.arb
      .map(({ value, path }): InvalidSample => ({ input: value as Record<string, unknown>, reason: b.reason, path, shape }))
      // A sample that also broke a documented cross-member rule would be rejected for two reasons.
      .filter((s) => keepsCrossMemberRules(shape, s.input)),
  );
}

/** Inputs breaking exactly one constraint, every (member, reason) pair equally likely. */
export function invalidInput(op: OperationName): fc.Arbitrary<InvalidSample> {
  return fc.oneof(...breakerSamples(op));
}

/**
 * One sample per pair, shrinking only the pair `focus()` names once it names one: the check sends
 * only the failing pair while it shrinks, and a tuple would spend the shrink budget on the others'
 * candidates first (an OpenTunnel input has dozens of pairs), leaving the failing one unshrunk.
 */
class FocusedTuple extends fc.Arbitrary<InvalidSample[]> {
  constructor(
    private readonly parts: fc.Arbitrary<InvalidSample>[],
    private readonly whole: fc.Arbitrary<InvalidSample[]>,
    private readonly focus: () => number | undefined,
  ) {
    super();
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<InvalidSample[]> {
    const values = this.parts.map((p) => p.generate(mrng, biasFactor));
    return new fc.Value(values.map((v) => v.value_), values);
  }
  canShrinkWithoutContext(value: unknown): value is InvalidSample[] {
    return this.whole.canShrinkWithoutContext(value);
  }
  shrink(value: InvalidSample[], context: unknown): fc.Stream<fc.Value<InvalidSample[]>> {
    const values = context as fc.Value<InvalidSample>[] | undefined;
    if (!values) return this.whole.shrink(value, undefined);
    // Before any pair is named, pair after pair as a tuple shrinks.
    const focused = this.focus();
    const indices = focused === undefined ? [...values.keys()] : [focused];
    return fc.Stream.of(...indices).flatMap((i) =>
      this.parts[i].shrink(values[i].value_, values[i].context).map((v) => {
        const next = [...values];
        next[i] = v;
        return new fc.Value(next.map((x) => x.value_), next);
      }),
    );
  }
}

/**
 * One sample for every (member, reason) pair of the operation at once: a check that sends them
 * all reaches each constraint in every run, whatever its budget, instead of by chance. With
 * `focus`, shrinking changes only the pair it names (see FocusedTuple).
 */
export function everyInvalidInput(op: OperationName, focus?: () => number | undefined): fc.Arbitrary<InvalidSample[]> {
  const parts = breakerSamples(op);
  const whole = fc.tuple(...parts);
  return focus ? new FocusedTuple(parts, whole, focus) : whole;
}
