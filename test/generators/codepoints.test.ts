/**
 * The code-point sets of the schema's patterns come from the table derived with the specs
 * (codepoints.json), not from a scan of every code point at run time. That the table equals a
 * fresh scan is the drift test's (test/specs/deriver.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { anyScalar } from '../../generators/charset.js';
import { classSet, complementSet, parseClassRepetition } from '../../generators/index.js';
import { codePointTable, schema } from '../../specs/index.js';

const bodies = [...JSON.stringify(schema).matchAll(/"pattern":("(?:\\.|[^"\\])*")/g)].map((m) => parseClassRepetition(JSON.parse(m[1]) as string).classBody);
const sameUnicode = codePointTable() !== undefined;

describe.skipIf(!sameUnicode)(`the derived code-point table${sameUnicode ? '' : ` (not used: derived under another Unicode version than this Node's ${process.versions.unicode})`}`, () => {
  it('lists every set the schema`s patterns need, and the sets are its own', () => {
    expect(bodies.length).toBeGreaterThan(0);
    const sets = codePointTable()!.sets;
    for (const set of [...bodies.flatMap((b) => [classSet(b), complementSet(b)]), anyScalar()]) {
      const entry = sets[set.source];
      expect(entry, `${set.source} is not in codepoints.json: run npm run specs:derive`).toBeDefined();
      expect(set.size).toBe(entry.size);
      expect(set.buckets.map((b) => ({ category: b.category, plane: b.plane, ranges: b.ranges.flat() }))).toEqual(entry.buckets);
      expect(set.buckets.map((b) => b.size).reduce((a, b) => a + b)).toBe(entry.size);
    }
  });
});
