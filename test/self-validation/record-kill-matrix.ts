/**
 * `npm run kill-matrix [-- --seeds N --profile P --first-failure]`: runs the self-validation once per seed (1..N,
 * default 1, profile default quick; with --first-failure a fault's run stops at its first failed check) and writes docs/kill-matrix.md from it (the only writer of
 * that file besides the mutation section's). Exits 1 when a variant is misjudged by any seed and
 * known-misjudged.ts does not list it, as the self-validation test would fail.
 */
import { parseArgs } from 'node:util';
import { variants } from '../../models/variants/index.js';
import { SELF_VALIDATION, selfValidate, type VariantOutcome } from './kill-run.js';
import { bySeed, KILL_MATRIX_DOC, seededVerdict, writeKillMatrix } from './kill-matrix.js';
import { KNOWN_MISJUDGED } from './known-misjudged.js';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '1' }, profile: { type: 'string', default: SELF_VALIDATION.profile }, 'first-failure': { type: 'boolean', default: false } },
});
const firstFailure = values['first-failure'];
const n = Number(values.seeds);
const profile = values.profile as typeof SELF_VALIDATION.profile;
if (!Number.isInteger(n) || n < 1 || !['quick', 'standard', 'full'].includes(profile)) {
  console.error('usage: npm run kill-matrix -- [--seeds N] [--profile quick|standard|full] [--first-failure]');
  process.exit(2);
}
const seeds = Array.from({ length: n }, (_, i) => i + 1);
const perSeed: VariantOutcome[][] = [];
let totalMs = 0;
for (const seed of seeds) {
  const run = await selfValidate(variants, { profile, seed, firstFailure });
  perSeed.push(run.outcomes);
  totalMs += run.totalMs;
  console.log(`seed ${seed}: ${run.outcomes.length} variants in ${(run.totalMs / 1000).toFixed(0)} s`);
}
writeKillMatrix(KILL_MATRIX_DOC, variants, perSeed, { profile, seeds, concurrency: SELF_VALIDATION.concurrency, firstFailure }, totalMs, KNOWN_MISJUDGED);
const wrong = bySeed(perSeed).filter((o) => !['caught', 'accepted'].includes(seededVerdict(o).verdict) && !KNOWN_MISJUDGED[o.name]);
for (const o of wrong) console.error(`${o.name}: ${seededVerdict(o).verdict} (${seededVerdict(o).good}/${n} seeds right)`);
console.log(`wrote ${KILL_MATRIX_DOC}: ${variants.length} variants × ${n} seeds in ${(totalMs / 1000).toFixed(0)} s, ${wrong.length} misjudged`);
if (wrong.length) process.exitCode = 1;
