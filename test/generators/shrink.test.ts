import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor, invalidInput, validInput } from '../../generators/index.js';

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
});
