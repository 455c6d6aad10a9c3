import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AJV_KEYWORD, invalidInput, invalidReasons } from '../../generators/index.js';
import { inputShape, operationNames, validateShape } from '../../specs/index.js';

const seed = 4242;

describe('invalid inputs', () => {
  it.each(operationNames)('%s: each sample fails ajv for exactly its labelled reason, at its path', (op) => {
    const seen = new Set<string>();
    for (const s of fc.sample(invalidInput(op), { numRuns: 400, seed })) {
      expect(s.shape).toBe(inputShape(op));
      const errors = validateShape(s.shape, s.input);
      const where = errors.map((e) => `${e.keyword}@${e.instancePath}`);
      expect(errors.length, `${s.reason} ${s.path}`).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.keyword, `${s.reason} ${s.path}: ${where}`).toBe(AJV_KEYWORD[s.reason]);
        const at = e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath;
        expect(at, `${s.reason}: ${where}`).toBe(s.path);
      }
      seen.add(s.reason);
    }
    // Every reason the operation can break is actually produced.
    expect([...seen].sort()).toEqual([...invalidReasons(op)].sort());
  });

  it.each(operationNames)('%s: wrong-type puts a structure where a scalar belongs or the reverse; coercible-type a scalar for a scalar', (op) => {
    const isScalar = (v: unknown) => v === null || typeof v !== 'object';
    const valueAt = (input: unknown, path: string) =>
      path.split('/').slice(1).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k.replace(/~1/g, '/').replace(/~0/g, '~')], input);
    for (const s of fc.sample(invalidInput(op), { numRuns: 400, seed })) {
      if (s.reason !== 'wrong-type' && s.reason !== 'coercible-type') continue;
      const expected = (validateShape(s.shape, s.input)[0].params as { type: string }).type;
      const scalarExpected = ['string', 'number', 'integer', 'boolean'].includes(expected);
      const scalarGiven = isScalar(valueAt(s.input, s.path));
      expect(scalarExpected && scalarGiven, `${s.reason} at ${s.path}`).toBe(s.reason === 'coercible-type');
    }
  });

  it('reports the reasons each operation can break, from its schema', () => {
    expect(invalidReasons('DescribeTunnel').sort()).toEqual(['coercible-type', 'missing-required', 'pattern', 'wrong-type']);
    // OpenTunnel has no required member, but its DestinationConfig and Tag do.
    expect(invalidReasons('OpenTunnel')).toContain('missing-required');
    expect(invalidReasons('ListTunnels')).not.toContain('missing-required');
    expect(invalidReasons('RotateTunnelAccessToken')).toContain('enum');
  });

  it('labels a too-long string as a pattern break where only the quantifier limits length', () => {
    const tooLong = fc
      .sample(invalidInput('OpenTunnel'), { numRuns: 3000, seed })
      .filter((s) => s.path === '/description' && s.reason === 'pattern' && [...(s.input.description as string)].length > 2048);
    expect(tooLong.length).toBeGreaterThan(0);
  });
});
