import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor, everyInvalidInput, invalidInput, validInput } from '../../generators/index.js';

describe('replay and shrinking', () => {
  it('the same seed gives the same samples (the per-string PRNG is seeded from fast-check)', () => {
    const a = fc.sample(validInput('TagResource'), { numRuns: 50, seed: 99 });
    const b = fc.sample(validInput('TagResource'), { numRuns: 50, seed: 99 });
    expect(b).toEqual(a);
    expect(fc.sample(invalidInput('OpenTunnel'), { numRuns: 50, seed: 99 })).toEqual(fc.sample(invalidInput('OpenTunnel'), { numRuns: 50, seed: 99 }));
  });

  it('a failing string shrinks to a short one made of simple characters', () => {
    const details = fc.check(
      fc.property(arbitraryFor('Description', { boundaryBias: true }) as fc.Arbitrary<string>, (d) => [...d].length < 40),
      { seed: 3, numRuns: 200 },
    );
    expect(details.failed).toBe(true);
    const [shrunk] = details.counterexample as [string];
    expect([...shrunk].length).toBe(40);
    expect(new Set(shrunk).size).toBe(1);
  });

  it('a failing input shrinks towards fewer members', () => {
    const details = fc.check(
      fc.property(validInput('OpenTunnel'), (input) => !(Array.isArray(input.tags) && input.tags.length >= 3)),
      { seed: 5, numRuns: 300 },
    );
    expect(details.failed).toBe(true);
    const [input] = details.counterexample as [Record<string, unknown>];
    expect((input.tags as unknown[]).length).toBe(3);
  });

  it('a string failing above a length shrinks to one past it in few steps (halving distances, not one character at a time)', () => {
    let calls = 0;
    const details = fc.check(
      fc.property(arbitraryFor('Description', { boundaryBias: true }) as fc.Arbitrary<string>, (d) => (calls++, [...d].length <= 256)),
      { seed: 3, numRuns: 200 },
    );
    expect(details.failed).toBe(true);
    const [shrunk] = details.counterexample as [string];
    expect([...shrunk].length).toBe(257);
    expect(new Set(shrunk).size).toBe(1);
    expect(calls).toBeLessThan(200);
  });

  it('a too-many-items list shrinks first to maxItems + 1 smallest distinct items, and only the focused pair shrinks', () => {
    const arb = everyInvalidInput('OpenTunnel', () => index);
    let index: number | undefined;
    let candidates = 0;
    const details = fc.check(
      fc.property(arb, (samples) => {
        const i = samples.findIndex((s) => s.reason === 'too-many-items');
        if (index !== undefined) candidates++;
        index = i;
        return false;
      }),
      { seed: 1, numRuns: 1 },
    );
    const [samples] = details.counterexample as unknown as [{ reason: string; input: { tags: { key: string; value: string }[] } }[]];
    const tags = samples[index!].input.tags;
    expect(tags).toHaveLength(201);
    expect(new Set(tags.map((t) => t.key)).size).toBe(201);
    expect(tags.every((t) => [...t.key].length === 1 && t.value === '')).toBe(true);
    expect(candidates).toBeLessThan(300);
  });
});
