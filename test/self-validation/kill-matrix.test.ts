/** The kill matrix document: verdicts from exit codes, one row per variant, the mutation section kept. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Variant } from '../../models/variants/index.js';
import { MUTATION_END, MUTATION_START, verdictOf, writeKillMatrix } from './kill-matrix.js';
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
  writeKillMatrix(path, variants, outcomes, { profile: 'quick', seed: 7, concurrency: 2, reportRoot: '', timeoutMs: 1 }, 65_000, { 'an-escape': 'no check reads it' });
  const doc = readFileSync(path, 'utf8');
  expect(doc).toContain('| a-fault | fault | caught | LIST-ORDER-001, LIST-PAGES-001 | 1.0 | breaks a \\| rule |');
  expect(doc).toContain('| an-escape | fault | escaped | — |');
  expect(doc).toContain('| fine | legitimate | accepted |');
  expect(doc).toContain('- **an-escape** (escaped): no check reads it');
  expect(doc).toContain('Faults caught: 1/2, escaped: 1; legitimate accepted: 1/1');
  expect(doc).toContain('--seed 7');
  expect(doc).toContain(kept);
  expect(doc).not.toContain('old text');
});
