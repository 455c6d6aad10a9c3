/**
 * `npm run kill-matrix`: runs the self-validation and writes docs/kill-matrix.md from it (the
 * only writer of that file besides the mutation section's). Exits 1 when a variant is misjudged
 * and known-misjudged.ts does not list it, as the self-validation test would fail.
 */
import { variants } from '../../models/variants/index.js';
import { selfValidate } from './kill-run.js';
import { KILL_MATRIX_DOC, verdictOf, writeKillMatrix } from './kill-matrix.js';
import { KNOWN_MISJUDGED } from './known-misjudged.js';

const { settings, outcomes, totalMs } = await selfValidate(variants);
writeKillMatrix(KILL_MATRIX_DOC, variants, outcomes, settings, totalMs, KNOWN_MISJUDGED);
const wrong = outcomes.filter((o) => !['caught', 'accepted'].includes(verdictOf(o)) && !KNOWN_MISJUDGED[o.name]);
for (const o of wrong) console.error(`${o.name}: ${verdictOf(o)}${o.reason ? ` (${o.reason})` : ''}`);
console.log(`wrote ${KILL_MATRIX_DOC}: ${outcomes.length} variants in ${(totalMs / 1000).toFixed(0)} s, ${wrong.length} misjudged`);
if (wrong.length) process.exitCode = 1;
