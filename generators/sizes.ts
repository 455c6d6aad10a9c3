/**
 * How long a string or list is, and which integer is picked from a range. With boundary bias
 * the edges (min, min+1, max-1, max) are drawn on purpose: uniform draws almost never land on a
 * 2048-character description or a 200-tag list, and those are where implementations break.
 */
import fc from 'fast-check';

/** Lengths without an upper bound in the schema are generated up to this many past the minimum. */
export const UNBOUNDED_EXTRA = 32;
/** The "typical" draw: sizes close to the minimum, cheap to generate and easy to read. */
const SMALL_SPAN = 16;

export interface Bounds {
  min: number;
  max?: number;
}

/** The edges are min, min+1, max-1 and max without repeats, in that order: all of a range of four or fewer. */
const edgeCount = (min: number, max: number) => Math.min(max - min + 1, 4);
const edgeAt = (min: number, max: number, i: number) => (i < 2 || max - min < 4 ? min + i : max - 3 + i);
const edgesOf = (min: number, max: number) => Array.from({ length: edgeCount(min, max) }, (_, i) => edgeAt(min, max, i));

const EDGE_WEIGHT = 1;
const SMALL_WEIGHT = 8;
const UNIFORM_WEIGHT = 2;

/**
 * A size: each edge weighs 1, a small size 8, a uniform size 2, so at a 2048 maximum about 1 draw
 * in 14 is exactly the maximum (docs/generators.md has the measured rates). Drawn straight from
 * the random source because every generated string and list needs one.
 */
export function drawSize(mrng: fc.Random, { min, max }: Bounds, boundaryBias: boolean): number {
  const hi = max ?? min + UNBOUNDED_EXTRA;
  if (!boundaryBias) return mrng.nextInt(min, hi);
  // Every generated string and list draws a size: no array of edges per draw.
  const edges = edgeCount(min, hi);
  let r = mrng.nextInt(0, edges * EDGE_WEIGHT + SMALL_WEIGHT + UNIFORM_WEIGHT - 1);
  if (r < edges * EDGE_WEIGHT) return edgeAt(min, hi, Math.floor(r / EDGE_WEIGHT));
  r -= edges * EDGE_WEIGHT;
  return r < SMALL_WEIGHT ? mrng.nextInt(min, Math.min(hi, min + SMALL_SPAN)) : mrng.nextInt(min, hi);
}

/** Sizes as an arbitrary (for lists); shrinks like fc.integer, toward the minimum. */
class SizeArbitrary extends fc.Arbitrary<number> {
  private readonly plain: fc.Arbitrary<number>;
  constructor(
    private readonly bounds: Bounds,
    private readonly boundaryBias: boolean,
  ) {
    super();
    this.plain = fc.integer({ min: bounds.min, max: bounds.max ?? bounds.min + UNBOUNDED_EXTRA });
  }
  generate(mrng: fc.Random): fc.Value<number> {
    return new fc.Value(drawSize(mrng, this.bounds, this.boundaryBias), undefined);
  }
  canShrinkWithoutContext(value: unknown): value is number {
    return this.plain.canShrinkWithoutContext(value);
  }
  shrink(value: number, context: unknown): fc.Stream<fc.Value<number>> {
    return this.plain.shrink(value, context);
  }
}

export const sizeArbitrary = (bounds: Bounds, boundaryBias: boolean): fc.Arbitrary<number> => new SizeArbitrary(bounds, boundaryBias);

/** An integer in a range; edges weigh 1 each, the rest of the range 4. */
export function integerArbitrary({ min, max }: { min?: number; max?: number }, boundaryBias: boolean): fc.Arbitrary<number> {
  // fc.integer works on 32-bit integers; the model's ranges are far inside them.
  const lo = min ?? -(2 ** 31);
  const hi = max ?? 2 ** 31 - 1;
  const uniform = fc.integer({ min: lo, max: hi });
  if (!boundaryBias || min === undefined || max === undefined) return uniform;
  return fc.oneof(...edgesOf(lo, hi).map((n) => ({ arbitrary: fc.constant(n), weight: 1 })), { arbitrary: uniform, weight: 4 });
}
