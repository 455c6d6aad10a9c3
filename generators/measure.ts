/**
 * Measures how long 10,000 valid and 10,000 invalid samples of each operation input take to
 * generate (`npx tsx generators/measure.ts [count] [seed]`), for docs/generators.md. Timing is
 * reported, never asserted: it depends on the machine.
 */
import fc from 'fast-check';
import { operationNames } from '../specs/index.js';
import { invalidInput } from './invalid.js';
import { validInput } from './valid.js';

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 42);

function time(arb: fc.Arbitrary<unknown>): { ms: number; bytes: number } {
  const start = performance.now();
  const samples = fc.sample(arb, { numRuns: count, seed });
  const ms = performance.now() - start;
  return { ms, bytes: samples.reduce<number>((n, s) => n + JSON.stringify(s).length, 0) };
}

const warm = performance.now();
fc.sample(validInput('OpenTunnel'), { numRuns: 1, seed });
console.log(`first use (character tables, compilation): ${(performance.now() - warm).toFixed(0)} ms`);
console.log(`| operation | ${count} valid (ms) | mean JSON size | ${count} invalid (ms) |`);
console.log('|---|---:|---:|---:|');
for (const op of operationNames) {
  const v = time(validInput(op, { runId: 'measure' }));
  const i = time(invalidInput(op));
  console.log(`| ${op} | ${v.ms.toFixed(0)} | ${(v.bytes / count).toFixed(0)} | ${i.ms.toFixed(0)} |`);
}
