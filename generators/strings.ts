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
import { anyScalar, classSet, codePointArbitrary, type CodePointSet } from './charset.js';
import { parseClassRepetition, type ClassRepetition } from './pattern.js';
import { sizeArbitrary, type Bounds } from './sizes.js';
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

export const fromCodePoints = (cps: number[]) => String.fromCodePoint(...cps);

/**
 * Strings over an alphabet. With boundary bias a quarter of them draw every character from a
 * single bucket (all astral letters, all ideographic spaces…), which is how a string at its
 * maximum length gets made entirely of multi-unit characters.
 */
export function stringOver(alphabet: CodePointSet, bounds: Bounds, boundaryBias: boolean): fc.Arbitrary<string> {
  const mixed = codePointArbitrary(alphabet);
  const length = sizeArbitrary(bounds, boundaryBias);
  if (!boundaryBias) return length.chain((n) => fc.array(mixed, { minLength: n, maxLength: n })).map(fromCodePoints);
  const single = alphabet.buckets.map((b) => codePointArbitrary(alphabet, [b]));
  const chars = fc.oneof({ arbitrary: fc.constant(mixed), weight: 3 }, { arbitrary: fc.constantFrom(...single), weight: 1 });
  return fc
    .tuple(length, chars)
    .chain(([n, char]) => fc.array(char, { minLength: n, maxLength: n }))
    .map(fromCodePoints);
}

export const stringArbitrary = (rule: StringRule, boundaryBias: boolean) => stringOver(rule.alphabet, rule.bounds, boundaryBias);
