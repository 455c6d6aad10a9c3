import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pick } from '../../generators/charset.js';
import { classSet, complementSet, parseClassRepetition } from '../../generators/index.js';
import { def } from '../../specs/index.js';

describe('pattern family', () => {
  it('reads anchored character-class repetitions', () => {
    expect(parseClassRepetition('^[a-z]{1,8}$')).toEqual({ classBody: 'a-z', min: 1, max: 8 });
    expect(parseClassRepetition('^[a-z]{3}$')).toEqual({ classBody: 'a-z', min: 3, max: 3 });
    expect(parseClassRepetition('^[a-z]{2,}$')).toEqual({ classBody: 'a-z', min: 2, max: undefined });
    expect(parseClassRepetition('^[a-zA-Z0-9:_-]+$')).toEqual({ classBody: 'a-zA-Z0-9:_-', min: 1 });
    expect(parseClassRepetition('^([\\p{L}\\-\\]]*)$')).toEqual({ classBody: '\\p{L}\\-\\]', min: 0 });
    expect(parseClassRepetition(def('Description').pattern as string)).toEqual({ classBody: '^\\p{C}', min: 1, max: 2048 });
  });

  it.each(['^(?!aws:)[a-z]+$', '^[a-z]+', '[a-z]+$', '^[a-z]+|[0-9]+$', '^([a-z]+$', '^[a-z][0-9]$', '^[a-z]{5,2}$', '^[\\p{Nope}]+$'])(
    'refuses %s with a clear error',
    (p) => expect(() => parseClassRepetition(p)).toThrow(/generators: /),
  );
});

describe('code-point sets', () => {
  it('[^\\p{C}] has letters from every plane and no C character', () => {
    const set = classSet('^\\p{C}');
    expect(set.buckets.some((b) => b.category === 'C')).toBe(false);
    expect(set.buckets.map((b) => `${b.category}/${b.plane}`)).toEqual(expect.arrayContaining(['L/ascii', 'L/bmp', 'L/astral', 'Z/bmp', 'N/astral', 'S/astral', 'M/bmp']));
    expect(set.has(0x1d49c)).toBe(true); // 𝒜
    expect(set.has(0x200b)).toBe(false); // zero-width space is Cf
  });

  it('membership and its complement partition the scalar values, surrogates excluded', () => {
    const body = def('TagKey').pattern === undefined ? '' : parseClassRepetition(def('TagKey').pattern as string).classBody;
    const set = classSet(body);
    const out = complementSet(body);
    expect(set.size + out.size).toBe(0x110000 - 0x800);
    const re = new RegExp(`^[${body}]$`, 'u');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff), (cp) => {
        expect(set.has(cp)).toBe(re.test(String.fromCodePoint(cp)));
        expect(out.has(cp)).toBe(!set.has(cp));
      }),
      { seed: 1, numRuns: 2000 },
    );
  });

  it('picks every member of every bucket, in order, from the derived table and from a scan alike', () => {
    const sets = [classSet('\\u{0}-\\u{10FFFF}'), complementSet('\\p{L}\\p{Z}\\p{N}_.:/=+\\-@'), classSet('a-c\\u{E9}\\u{1F600}-\\u{1F64F}\\p{Sc}')];
    for (const set of sets) {
      for (const b of set.buckets) {
        const members = b.ranges.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i));
        const picked = members.map((_, offset) => pick(b, offset));
        const wrong = picked.findIndex((cp, offset) => cp !== members[offset]);
        expect(wrong, `${set.source} ${b.category}/${b.plane} at offset ${wrong}`).toBe(-1);
      }
    }
  });

  it('an empty class is refused', () => {
    expect(() => classSet('^\\u{0}-\\u{10FFFF}')).toThrow(/accepts no Unicode scalar value/);
  });
});
