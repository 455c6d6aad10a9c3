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

const edgesOf = (min: number, max: number) => [...new Set([min, min + 1, max - 1, max])].filter((n) => n >= min && n <= max);

/**
 * Each edge weighs 1, a small size 8, a uniform size 2: at a 2048 maximum about 1 in 14 draws
 * is exactly the maximum (docs/generators.md has the measured rates).
 */
export function sizeArbitrary({ min, max }: Bounds, boundaryBias: boolean): fc.Arbitrary<number> {
  const hi = max ?? min + UNBOUNDED_EXTRA;
  const uniform = fc.integer({ min, max: hi });
  if (!boundaryBias) return uniform;
  return fc.oneof(
    ...edgesOf(min, hi).map((n) => ({ arbitrary: fc.constant(n), weight: 1 })),
    { arbitrary: fc.integer({ min, max: Math.min(hi, min + SMALL_SPAN) }), weight: 8 },
    { arbitrary: uniform, weight: 2 },
  );
}

/** An integer in a range; edges weigh 1 each, the rest of the range 4. */
export function integerArbitrary({ min, max }: { min?: number; max?: number }, boundaryBias: boolean): fc.Arbitrary<number> {
  // fc.integer works on 32-bit integers; the model's ranges are far inside them.
  const lo = min ?? -(2 ** 31);
  const hi = max ?? 2 ** 31 - 1;
  const uniform = fc.integer({ min: lo, max: hi });
  if (!boundaryBias || min === undefined || max === undefined) return uniform;
  return fc.oneof(...edgesOf(lo, hi).map((n) => ({ arbitrary: fc.constant(n), weight: 1 })), { arbitrary: uniform, weight: 4 });
}
