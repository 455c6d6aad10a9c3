import { describe, expect, it } from 'vitest';
import { mutationSection, staleExplanations, survivorsOf } from './record-score.js';
import type { EquivalentMutant } from './equivalent-mutants.js';

const source = ['const a = 1;', 'if (x < y) return 1;', 'return 0;'].join('\n');
const mutant = (line: number, status: string, mutatorName = 'EqualityOperator', replacement = 'x <= y') => ({
  mutatorName,
  replacement,
  status,
  location: { start: { line, column: 4 } },
});
const report = {
  files: {
    'models/demo.ts': {
      source,
      mutants: [mutant(2, 'Survived'), mutant(2, 'Killed', 'ConditionalExpression', 'true'), mutant(3, 'NoCoverage', 'BlockStatement', '{}'), mutant(1, 'Timeout')],
    },
  },
};
const why = 'x and y are never equal here';
const explained: EquivalentMutant = { file: 'models/demo.ts', mutator: 'EqualityOperator', replacement: 'x  <=  y', line: 'if (x < y)', why };

describe('record-score', () => {
  it('matches an explanation by file, mutator, replacement and a piece of the line, not by line number', () => {
    const survivors = survivorsOf(report, [explained]);
    expect(survivors.map((s) => [s.line, s.why])).toEqual([
      [2, why],
      [3, undefined],
    ]);
    expect(survivorsOf(report, [{ ...explained, replacement: 'x >= y' }])[0].why).toBeUndefined();
    expect(survivorsOf(report, [{ ...explained, line: 'return 0' }])[0].why).toBeUndefined();
  });

  it('reports an explanation that no longer matches a survivor as stale', () => {
    const gone = { ...explained, line: 'while (true)' };
    expect(staleExplanations(survivorsOf(report, [explained, gone]), [explained, gone])).toEqual([gone]);
  });

  it('writes the score over detected and undetected mutants, and marks the unexplained survivors', () => {
    const section = mutationSection(report, 'on demo', 'a note', [explained]);
    expect(section).toContain('mutation score: 50.0%');
    expect(section).toContain('| models/demo.ts | 50.0% | 2/4 |');
    expect(section).toContain('Surviving mutants (2, 1 explained as equivalent, 1 unexplained)');
    expect(section).toMatch(/\| models\/demo\.ts:2 \| EqualityOperator \| Survived \| `x <= y` \| `if \(x < y\) return 1;` \| x and y are never equal here \|/);
    expect(section).toMatch(/\| models\/demo\.ts:3 \| BlockStatement \| NoCoverage \| `\{\}` \| `return 0;` \| \*\*unexplained\*\* \|/);
  });
});

describe('the recorded mutation section of docs/kill-matrix.md', () => {
  it('claims a score of at least 85% and no unexplained survivor (what `npm run mutation` last measured)', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/kill-matrix.md', import.meta.url), 'utf8');
    const score = Number(/^mutation score: ([\d.]+)%$/m.exec(doc)?.[1]);
    expect(score).toBeGreaterThanOrEqual(85);
    expect(doc).toMatch(/### Surviving mutants \(\d+, \d+ explained as equivalent, 0 unexplained\)/);
    expect(doc).not.toContain('**unexplained**');
  });
});
