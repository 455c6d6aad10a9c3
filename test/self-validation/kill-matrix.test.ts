/** The kill matrix document: verdicts from exit codes, one row per variant, the mutation section kept. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { variants as allVariants, type Variant } from '../../models/variants/index.js';
import { KILL_MATRIX_DOC, MUTATION_END, MUTATION_START, oversizedCounterexamples, recordedVerdicts, renderKillMatrix, seededVerdict, verdictDrift, verdictOf, writeKillMatrix } from './kill-matrix.js';
import type { VariantOutcome } from './kill-run.js';
import { tempDir } from '../run/helpers.js';

const outcome = (o: Partial<VariantOutcome>): VariantOutcome => ({ name: 'v', kind: 'fault', exitCode: 1, caughtBy: [], durationMs: 1000, ...o });

describe('verdictOf', () => {
  test.each([
    ['fault', 1, 'caught'],
    ['fault', 0, 'escaped'],
    ['legitimate', 0, 'accepted'],
    ['legitimate', 1, 'false alarm'],
    ['fault', 2, 'could not run'],
    ['legitimate', null, 'could not run'],
  ] as const)('%s with exit %s is %s', (kind, exitCode, verdict) => {
    expect(verdictOf(outcome({ kind, exitCode }))).toBe(verdict);
  });

  test('a fault whose run was cancelled at its first failed check is caught, though the cancelled run exits 2', () => {
    expect(verdictOf(outcome({ exitCode: 2, caughtBy: ['LIST-ORDER-001'], stoppedAtFailure: true }))).toBe('caught');
  });
});

test('writes one row per variant, explains misjudged ones and keeps the recorded mutation section', () => {
  const path = join(tempDir(), 'kill-matrix.md');
  const kept = `${MUTATION_START}\nmutation score: 42%\n${MUTATION_END}`;
  writeFileSync(path, `old text\n${kept}\n`);
  const variants: Variant[] = [
    { name: 'a-fault', kind: 'fault', description: 'breaks a | rule' },
    { name: 'an-escape', kind: 'fault', description: 'breaks another' },
    { name: 'fine', kind: 'legitimate', description: 'a freedom' },
  ];
  const outcomes = [
    outcome({ name: 'a-fault', caughtBy: ['LIST-ORDER-001', 'LIST-PAGES-001'] }),
    outcome({ name: 'an-escape', exitCode: 0 }),
    outcome({ name: 'fine', kind: 'legitimate', exitCode: 0 }),
  ];
  writeKillMatrix(path, variants, [outcomes], { profile: 'quick', seeds: [7], concurrency: 2 }, 65_000, { 'an-escape': 'no check reads it' });
  const doc = readFileSync(path, 'utf8');
  expect(doc).toContain('| a-fault | fault | caught | 1/1 | LIST-ORDER-001, LIST-PAGES-001 | — | 1.0 | breaks a \\| rule |');
  expect(doc).toContain('| an-escape | fault | escaped | 0/1 | — |');
  expect(doc).toContain('| fine | legitimate | accepted |');
  expect(doc).toContain('- **an-escape** (escaped): no check reads it');
  expect(doc).toContain('Faults caught: 1/2, escaped: 1; legitimate accepted: 1/1');
  expect(doc).toContain('--seed 7');
  expect(doc).toContain(kept);
  expect(doc).not.toContain('old text');
});

describe('a kill matrix over several seeds', () => {
  const seeds = (kind: 'fault' | 'legitimate', ...exits: (number | null)[]) => ({ name: 'v', kind, outcomes: exits.map((exitCode) => outcome({ kind, exitCode })) });

  test.each([
    ['a fault every seed catches is caught', seeds('fault', 1, 1, 1), 'caught', 3],
    ['a fault one seed misses escaped', seeds('fault', 1, 0, 1), 'escaped', 2],
    ['a legitimate variant every seed accepts is accepted', seeds('legitimate', 0, 0), 'accepted', 2],
    ['a legitimate variant one seed fails is a false alarm', seeds('legitimate', 0, 1), 'false alarm', 1],
    ['a seed that could not run is said', seeds('fault', 1, null), 'could not run', 1],
  ] as const)('%s', (_what, v, verdict, good) => {
    expect(seededVerdict(v)).toEqual({ verdict, good });
  });

  test('each row counts the seeds that judged the variant right and lists the checks of every seed', () => {
    const variants: Variant[] = [{ name: 'a-fault', kind: 'fault', description: 'x' }, { name: 'fine', kind: 'legitimate', description: 'y' }];
    const perSeed = [
      [outcome({ name: 'a-fault', caughtBy: ['LIST-ORDER-001'] }), outcome({ name: 'fine', kind: 'legitimate', exitCode: 0 })],
      [outcome({ name: 'a-fault', exitCode: 0, durationMs: 3000 }), outcome({ name: 'fine', kind: 'legitimate', exitCode: 0 })],
      [outcome({ name: 'a-fault', caughtBy: ['LIST-PAGES-001'] }), outcome({ name: 'fine', kind: 'legitimate', exitCode: 0 })],
    ];
    const doc = renderKillMatrix(variants, perSeed, { profile: 'standard', seeds: [1, 2, 3], concurrency: 2 }, 1000, {}, '');
    expect(doc).toContain('| a-fault | fault | escaped | 2/3 | LIST-ORDER-001, LIST-PAGES-001 | — | 1.7 | x |');
    expect(doc).toContain('| fine | legitimate | accepted | 3/3 |');
    expect(doc).toContain('npm run kill-matrix -- --seeds 3 --profile standard');
    expect(doc).toContain('seeds 1, 2, 3');
    expect(recordedVerdicts(doc)).toEqual(new Map([['a-fault', 'escaped'], ['fine', 'accepted']]));
  });
});

describe('the verdicts a kill matrix records, compared with a run', () => {
  const variants: Variant[] = [
    { name: 'a-fault', kind: 'fault', description: 'x' },
    { name: 'fine', kind: 'legitimate', description: 'a | b' },
  ];
  const outcomes = [outcome({ name: 'a-fault', caughtBy: ['LIST-ORDER-001'] }), outcome({ name: 'fine', kind: 'legitimate', exitCode: 0 })];
  const mutation = `${MUTATION_START}\n| file | score | detected/valid |\n| --- | --- | --- |\n| models/wire.ts | 100.0% | 1/1 |\n${MUTATION_END}`;
  const doc = renderKillMatrix(variants, [outcomes], { profile: 'quick', seeds: [1], concurrency: 2 }, 1000, {}, mutation);

  test('reads back one verdict per variant row, and nothing from the mutation table', () => {
    expect(recordedVerdicts(doc)).toEqual(new Map([['a-fault', 'caught'], ['fine', 'accepted']]));
  });

  test('the same verdicts, with other timings and checks, are no drift', () => {
    expect(verdictDrift(recordedVerdicts(doc), [outcome({ name: 'a-fault', caughtBy: ['OTHER-001'], durationMs: 9 }), outcomes[1]!])).toEqual([]);
  });

  test('a changed verdict, a variant added and one removed are each named', () => {
    const now = [outcome({ name: 'a-fault', exitCode: 0 }), outcome({ name: 'new-one', kind: 'legitimate', exitCode: 1 })];
    expect(verdictDrift(recordedVerdicts(doc), now)).toEqual([
      'a-fault: recorded caught, measured escaped',
      'fine: recorded accepted, no such variant was run',
      'new-one: measured false alarm, not in the kill matrix',
    ]);
  });

  test('the committed docs/kill-matrix.md has a verdict for every variant', () => {
    const recorded = recordedVerdicts(readFileSync(KILL_MATRIX_DOC, 'utf8'));
    expect([...recorded.keys()].sort()).toEqual(allVariants.map((v) => v.name).sort());
  });
});

describe('counterexample sizes', () => {
  const variants: Variant[] = [{ name: 'small', kind: 'fault', description: 'x' }, { name: 'big', kind: 'fault', description: 'y' }];
  const perSeed = [
    [outcome({ name: 'small', caughtBy: ['A-001'], largestCounterexample: { check: 'A-001', chars: 40 } }), outcome({ name: 'big', caughtBy: ['B-001'], largestCounterexample: { check: 'B-001', chars: 1500 } })],
    [outcome({ name: 'small', caughtBy: ['A-001'], largestCounterexample: { check: 'A-001', chars: 90 } }), outcome({ name: 'big', caughtBy: ['B-001'], largestCounterexample: { check: 'B-001', chars: 2001 } })],
  ];

  test('each row shows the longest over its seeds, and the doc names the longest of all and every one over the limit', () => {
    const doc = renderKillMatrix(variants, perSeed, { profile: 'quick', seeds: [1, 2], concurrency: 2 }, 1000, {}, '');
    expect(doc).toContain('| small | fault | caught | 2/2 | A-001 | 90 (A-001) |');
    expect(doc).toContain('is 2001 JSON characters (big, B-001)');
    expect(doc).toContain('- **big** (B-001, 2001 characters): not explained');
  });

  test('one over the limit is named unless explained; at the limit is fine', () => {
    expect(oversizedCounterexamples(perSeed[1]!, {})).toEqual(['big: B-001 reported a counterexample of 2001 JSON characters (limit 2000)']);
    expect(oversizedCounterexamples(perSeed[1]!, { big: 'a 2,048-character description is the smallest that breaks it' })).toEqual([]);
    expect(oversizedCounterexamples([outcome({ largestCounterexample: { check: 'A-001', chars: 2000 } })], {})).toEqual([]);
  });
});
