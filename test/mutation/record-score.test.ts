import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { misfitExplanations, mutationSection, survivorsOf } from './record-score.js';
import type { EquivalentMutant } from './equivalent-mutants.js';

// Line 2 holds two `<` comparisons: the same mutator and replacement on each, told apart only by what they replace.
const source = ['const a = 1;', 'if (x < y || p < q) return 1;', 'return 0;'].join('\n');
const mutant = (line: number, column: number, length: number, status: string, mutatorName = 'EqualityOperator', replacement = 'x <= y') => ({
  mutatorName,
  replacement,
  status,
  location: { start: { line, column }, end: { line, column: column + length } },
});
const report = {
  files: {
    'models/demo.ts': {
      source,
      mutants: [
        mutant(2, 5, 5, 'Survived'),
        mutant(2, 14, 5, 'Survived', 'EqualityOperator', 'p <= q'),
        mutant(2, 14, 5, 'Survived', 'ConditionalExpression', 'false'),
        mutant(2, 5, 5, 'Survived', 'ConditionalExpression', 'false'),
        mutant(2, 5, 5, 'Killed', 'ConditionalExpression', 'true'),
        mutant(3, 1, 9, 'NoCoverage', 'BlockStatement', '{}'),
        mutant(1, 1, 12, 'Timeout'),
      ],
    },
  },
};
const why = 'x and y are never equal here';
const explained: EquivalentMutant = { file: 'models/demo.ts', mutator: 'EqualityOperator', original: 'x < y', replacement: 'x  <=  y', line: 'if (x < y', why };

describe('record-score', () => {
  it('matches an explanation by file, mutator, the code replaced, replacement and a piece of the line, not by line number', () => {
    const survivors = survivorsOf(report, [explained]);
    expect(survivors.map((s) => [s.line, s.original, s.replacement, s.why])).toEqual([
      [2, 'x < y', 'x <= y', why],
      [2, 'p < q', 'p <= q', undefined],
      [2, 'p < q', 'false', undefined],
      [2, 'x < y', 'false', undefined],
      [3, 'return 0;', '{}', undefined],
    ]);
    for (const off of [{ replacement: 'x >= y' }, { original: 'p < q' }, { line: 'return 0' }, { mutator: 'ConditionalExpression' }]) {
      expect(survivorsOf(report, [{ ...explained, ...off }])[0].why).toBeUndefined();
    }
  });

  it('tells apart two mutants of one line that differ only in the code they replace', () => {
    const onX: EquivalentMutant = { ...explained, mutator: 'ConditionalExpression', replacement: 'false', why: 'x' };
    expect(survivorsOf(report, [onX]).filter((s) => s.why).map((s) => s.original)).toEqual(['x < y']);
  });

  it('finds explanations that match no survivor (stale) or more than one (ambiguous)', () => {
    const gone = { ...explained, line: 'while (true)' };
    const wide: EquivalentMutant = { ...explained, mutator: 'ConditionalExpression', original: 'x < y', replacement: 'false', line: '' };
    const twice = { ...report, files: { 'models/demo.ts': { ...report.files['models/demo.ts'], mutants: [...report.files['models/demo.ts'].mutants, mutant(2, 5, 5, 'Survived', 'ConditionalExpression', 'false')] } } };
    const all = [explained, gone, wide];
    expect(misfitExplanations(survivorsOf(twice, all), all)).toEqual({ stale: [gone], ambiguous: [wide] });
  });

  it('writes the score over detected and undetected mutants, the timeouts, and marks the unexplained survivors', () => {
    const section = mutationSection(report, 'on demo', 'a note', [explained]);
    expect(section).toContain('mutation score: 28.6%');
    expect(section).toContain('7 mutants: 2 detected (1 of them by a timeout), 5 undetected, 0 neither');
    expect(section).toContain('| models/demo.ts | 28.6% | 2/7 |');
    expect(section).toContain('Surviving mutants (5, 1 explained as equivalent, 4 unexplained)');
    expect(section).toContain('| models/demo.ts:2 | EqualityOperator | Survived | `x < y` | `x <= y` | `if (x < y \\|\\| p < q) return 1;` | x and y are never equal here |');
    expect(section).toMatch(/\| models\/demo\.ts:3 \| BlockStatement \| NoCoverage \| `return 0;` \| `\{\}` \| `return 0;` \| \*\*unexplained\*\* \|/);
  });
});

describe('the recorded mutation section of docs/kill-matrix.md', () => {
  it('claims a score of at least 85% and no unexplained survivor (what `npm run mutation` last measured)', () => {
    const doc = readFileSync(new URL('../../docs/kill-matrix.md', import.meta.url), 'utf8');
    const score = Number(/^mutation score: ([\d.]+)%$/m.exec(doc)?.[1]);
    expect(score).toBeGreaterThanOrEqual(85);
    expect(doc).toMatch(/### Surviving mutants \(\d+, \d+ explained as equivalent, 0 unexplained\)/);
    expect(doc).not.toContain('**unexplained**');
  });
});
