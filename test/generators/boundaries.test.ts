/**
 * Boundary hit rates with a fixed seed. The floors sit well below the designed rates (about 1 in
 * 14 draws at each edge) and the sample counts keep them stable; a generator change that stops
 * reaching an edge fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor, tagList, uniqueThingName } from '../../generators/index.js';
import { def } from '../../specs/index.js';

const seed = 7;
const rate = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length / xs.length;
const codePoints = (s: string) => [...s].length;

describe('boundary hit rates', () => {
  it('descriptions: at least 5% at the maximum length, 5% at the minimum, never a \\p{C} character', () => {
    const max = Number(/\{1,(\d+)\}/.exec(def('Description').pattern as string)![1]);
    const ds = fc.sample(arbitraryFor('Description', { boundaryBias: true }) as fc.Arbitrary<string>, { numRuns: 2000, seed });
    expect(rate(ds, (d) => codePoints(d) === max)).toBeGreaterThanOrEqual(0.05);
    expect(rate(ds, (d) => codePoints(d) === 1)).toBeGreaterThanOrEqual(0.05);
    expect(rate(ds, (d) => codePoints(d) === max - 1)).toBeGreaterThanOrEqual(0.03);
    expect(ds.some((d) => /\p{C}/u.test(d))).toBe(false);
    // At the maximum with astral characters: more UTF-16 units than the limit, still valid.
    expect(ds.some((d) => codePoints(d) === max && d.length > max)).toBe(true);
  });

  it('descriptions reach letters, marks, symbols and separators beyond ASCII, and astral characters', () => {
    const text = fc.sample(arbitraryFor('Description', { boundaryBias: true }) as fc.Arbitrary<string>, { numRuns: 300, seed }).join('');
    for (const re of [/\p{L}/u, /\p{M}/u, /\p{S}/u, /\p{Z}/u, /\p{N}/u, /\p{P}/u]) {
      expect([...text].some((c) => c.codePointAt(0)! > 0x7f && re.test(c)), String(re)).toBe(true);
    }
    expect([...text].some((c) => c.codePointAt(0)! > 0xffff)).toBe(true);
  });

  it('tag lists: some at 200 items, some at 1, some empty values, keys at 128 code points made of astral letters', () => {
    const max = def('TagList').maxItems as number;
    const keyMax = def('TagKey').maxLength as number;
    const lists = fc.sample(tagList(), { numRuns: 500, seed });
    expect(rate(lists, (l) => l.length === max)).toBeGreaterThanOrEqual(0.03);
    expect(rate(lists, (l) => l.length === 1)).toBeGreaterThanOrEqual(0.03);
    const tags = lists.flat();
    expect(rate(tags, (t) => t.value === '')).toBeGreaterThanOrEqual(0.05);
    expect(rate(tags, (t) => codePoints(t.key) === keyMax)).toBeGreaterThanOrEqual(0.03);
    expect(tags.some((t) => codePoints(t.key) === keyMax && t.key.length >= 2 * keyMax)).toBe(true);
  });

  it('tag keys reach Unicode letters, separators and digits beyond ASCII (\\p{L}, \\p{Z}, \\p{N})', () => {
    const keys = fc.sample(tagList(), { numRuns: 100, seed }).flat().map((t) => t.key).join('');
    for (const re of [/\p{L}/u, /\p{Z}/u, /\p{N}/u]) {
      expect([...keys].some((c) => c.codePointAt(0)! > 0x7f && re.test(c)), String(re)).toBe(true);
    }
    expect([...keys].some((c) => c.codePointAt(0)! > 0xffff && /\p{L}/u.test(c))).toBe(true);
  });

  it('thing names: colons and dashes in the generated part, and names at the maximum length', () => {
    const max = def('ThingName').maxLength as number;
    const names = fc.sample(uniqueThingName('r'), { numRuns: 1000, seed });
    const suffixes = names.map((n) => n.slice('tc-r-'.length));
    expect(rate(suffixes, (s) => s.includes(':'))).toBeGreaterThanOrEqual(0.1);
    expect(rate(suffixes, (s) => s.includes('-'))).toBeGreaterThanOrEqual(0.1);
    expect(rate(names, (n) => n.length === max)).toBeGreaterThanOrEqual(0.03);
  });

  it.each(['MaxResults', 'TimeoutInMin'])('%s: min, min+1, max-1 and max are each drawn in at least 1 of 20 draws', (name) => {
    const { minimum, maximum } = def(name) as { minimum: number; maximum: number };
    const xs = fc.sample(arbitraryFor(name, { boundaryBias: true }) as fc.Arbitrary<number>, { numRuns: 2000, seed });
    for (const edge of [minimum, minimum + 1, maximum - 1, maximum]) expect(rate(xs, (x) => x === edge), String(edge)).toBeGreaterThanOrEqual(0.05);
  });

  it('without boundary bias lengths are uniform: the maximum is rare', () => {
    const ds = fc.sample(arbitraryFor('TagValue') as fc.Arbitrary<string>, { numRuns: 2000, seed });
    expect(rate(ds, (d) => codePoints(d) === 256)).toBeLessThan(0.02);
  });
});
