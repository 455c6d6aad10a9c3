/**
 * String constraints as one object: the alphabet and the length bounds that the schema's
 * `minLength`/`maxLength` and its pattern's quantifier allow together.
 *
 * Lengths are code points everywhere: ajv counts `minLength`/`maxLength` with `ucs2length`
 * (surrogate pairs count once), Smithy's `length` trait on strings counts Unicode code points, and
 * a `u`-flag pattern's `{m,n}` repeats code points. Generated strings are built from code points,
 * so a 128-character TagKey of astral letters is 256 UTF-16 units and still valid.
 */
import fc from 'fast-check';
import { anyScalar, classSet, pick, simplest, type CodePointSet } from './charset.js';
import { parseClassRepetition, type ClassRepetition } from './pattern.js';
import { drawSize, type Bounds } from './sizes.js';
import type { JsonSchema } from '../specs/json-schema.js';

export interface StringRule {
  alphabet: CodePointSet;
  /** From the pattern, when there is one. */
  repetition?: ClassRepetition;
  minLength?: number;
  maxLength?: number;
  /** What a valid string's length may be: both the length keywords and the quantifier hold. */
  bounds: Bounds;
}

export function stringRule(schema: JsonSchema): StringRule {
  const pattern = schema.pattern as string | undefined;
  const minLength = schema.minLength as number | undefined;
  const maxLength = schema.maxLength as number | undefined;
  const repetition = pattern === undefined ? undefined : parseClassRepetition(pattern);
  const alphabet = repetition ? classSet(repetition.classBody) : anyScalar();
  const min = Math.max(minLength ?? 0, repetition?.min ?? 0);
  const maxes = [maxLength, repetition?.max].filter((n): n is number => n !== undefined);
  const max = maxes.length ? Math.min(...maxes) : undefined;
  if (max !== undefined && max < min) throw new Error(`generators: string constraints admit no length (${min}..${max})`);
  return { alphabet, repetition, minLength, maxLength, bounds: { min, max } };
}

/** Mulberry32 (public domain, Tommy Ettinger): 32-bit state, unsigned 32-bit outputs. */
function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

export const fromCodePoints = (cps: number[]) => String.fromCodePoint(...cps);

/**
 * A generated string is written as UTF-16LE bytes into one reused buffer and decoded in one
 * native call: an array of code points per string, spread into String.fromCodePoint, cost more
 * than drawing them.
 */
let utf16le = Buffer.alloc(8192);

/**
 * Strings over an alphabet, drawn straight from the random source: one fc value per character
 * made 10,000 TagResource inputs take over a minute (docs/generators.md). With
 * boundary bias a quarter of the strings draw every character from a single bucket (all astral
 * letters, all ideographic spaces…), which is how a string at its maximum length gets made
 * entirely of multi-unit characters; the rest pick a bucket per character.
 */
class CodePointString extends fc.Arbitrary<string> {
  constructor(
    private readonly alphabet: CodePointSet,
    private readonly bounds: Bounds,
    private readonly boundaryBias: boolean,
    private readonly singleBucketShare: number,
  ) {
    super();
  }

  generate(mrng: fc.Random): fc.Value<string> {
    const n = drawSize(mrng, this.bounds, this.boundaryBias);
    const buckets = this.alphabet.buckets;
    const single = mrng.nextInt(1, 100) <= this.singleBucketShare * 100 ? buckets[mrng.nextInt(0, buckets.length - 1)] : undefined;
    // The characters come from a small PRNG seeded by one draw: still a pure function of fast-check's
    // random source (so seeds replay), without a fast-check draw per character.
    const next = mulberry32(mrng.nextInt(-0x80000000, 0x7fffffff));
    const count = buckets.length;
    // Two UTF-16 units at most per code point, two bytes each.
    if (utf16le.length < 4 * n) utf16le = Buffer.alloc(4 * n);
    const bytes = utf16le;
    let length = 0;
    for (let i = 0; i < n; i++) {
      // The low part picks the bucket, the rest the member (buckets hold at most ~2^18 members
      // and the draw has 32 bits, so the modulo bias is far below one in a thousand). Remainders
      // are x - floor(x / m) * m, the same numbers as x % m: the draw is an unsigned 32-bit value,
      // which V8 holds as a double, and `%` on doubles is a library call several times slower.
      const r = next();
      const rest = Math.floor(r / count);
      const b = single ?? buckets[r - rest * count];
      const cp = pick(b, rest - Math.floor(rest / b.size) * b.size);
      if (cp < 0x10000) {
        bytes[length++] = cp & 0xff;
        bytes[length++] = cp >> 8;
      } else {
        const high = 0xd800 + ((cp - 0x10000) >> 10);
        const low = 0xdc00 + ((cp - 0x10000) & 0x3ff);
        bytes[length++] = high & 0xff;
        bytes[length++] = high >> 8;
        bytes[length++] = low & 0xff;
        bytes[length++] = low >> 8;
      }
    }
    return new fc.Value(bytes.toString('utf16le', 0, length), undefined);
  }

  canShrinkWithoutContext(value: unknown): value is string {
    if (typeof value !== 'string') return false;
    const cps = [...value];
    const { min, max } = this.bounds;
    return cps.length >= min && (max === undefined || cps.length <= max) && cps.every((c) => this.alphabet.has(c.codePointAt(0)!));
  }

  /**
   * Shorter first, then simpler. Lengths step toward the minimum like fast-check's integer
   * shrinking (the minimum, then len - d for d = half the distance, a quarter, ..., 1): from 512
   * down to a failing 257 that is about log2 steps, where "half, then one less" took 255 calls.
   * Then every character made simplest at once (one candidate instead of one per character),
   * then the first non-simplest one alone (for a failure that needs some of them).
   */
  shrink(value: string): fc.Stream<fc.Value<string>> {
    const cps = [...value];
    const { min } = this.bounds;
    const out: string[] = [];
    const lengths = new Set<number>();
    if (cps.length > min) lengths.add(min);
    for (let d = (cps.length - min) >> 1; d >= 1; d >>= 1) lengths.add(cps.length - d);
    if (cps.length - 1 >= min) lengths.add(cps.length - 1);
    for (const n of lengths) out.push(cps.slice(0, n).join(''));
    const first = String.fromCodePoint(simplest(this.alphabet));
    const i = cps.findIndex((c) => c !== first);
    if (i >= 0 && cps.some((c, j) => j > i && c !== first)) out.push(first.repeat(cps.length));
    if (i >= 0) out.push([...cps.slice(0, i), first, ...cps.slice(i + 1)].join(''));
    return fc.Stream.of(...out.map((s) => new fc.Value(s, undefined)));
  }
}

export function stringOver(alphabet: CodePointSet, bounds: Bounds, boundaryBias: boolean): fc.Arbitrary<string> {
  return new CodePointString(alphabet, bounds, boundaryBias, boundaryBias ? 0.25 : 0);
}

export const stringArbitrary = (rule: StringRule, boundaryBias: boolean) => stringOver(rule.alphabet, rule.bounds, boundaryBias);
