/**
 * Copies the result of `stryker run` (its JSON report, mutation-testing-report-schema) into the
 * mutation section of docs/kill-matrix.md: the score, per file, and every surviving mutant, so a
 * reader sees which rules of the model no test pins down.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MUTATION_END, MUTATION_START } from '../self-validation/kill-matrix.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const REPORT = `${root}reports-out/mutation/mutation.json`;
const DOC = `${root}docs/kill-matrix.md`;

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
interface MutationReport {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

/** Stryker's mutation score: detected / (detected + undetected); compile errors and ignored mutants do not count. */
export function score(mutants: Mutant[]): { detected: number; valid: number; percent: number } {
  const detected = mutants.filter((m) => DETECTED.includes(m.status)).length;
  const valid = detected + mutants.filter((m) => UNDETECTED.includes(m.status)).length;
  return { detected, valid, percent: valid ? (100 * detected) / valid : 100 };
}

export function mutationSection(report: MutationReport, scope: string, durationNote: string): string {
  const files = Object.entries(report.files).map(([name, f]) => ({ name: name.replace(root, ''), ...f }));
  const all = score(files.flatMap((f) => f.mutants));
  const perFile = files.map((f) => {
    const s = score(f.mutants);
    return `| ${f.name} | ${s.percent.toFixed(1)}% | ${s.detected}/${s.valid} |`;
  });
  const survivors = files.flatMap((f) =>
    f.mutants
      .filter((m) => UNDETECTED.includes(m.status))
      .map((m) => {
        const line = f.source.split('\n')[m.location.start.line - 1]?.trim() ?? '';
        return `| ${f.name}:${m.location.start.line} | ${m.mutatorName} | ${m.status} | \`${(m.replacement ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 80)}\` | \`${line.replace(/\|/g, '\\|').slice(0, 100)}\` |`;
      }),
  );
  return `${MUTATION_START}
## Mutation testing

\`npm run mutation\` (Stryker ${scope}; ${durationNote}).

mutation score: ${all.percent.toFixed(1)}%

| file | score | detected/valid |
| --- | --- | --- |
${perFile.join('\n')}

### Surviving mutants (${survivors.length})

| where | mutator | status | replacement | original line |
| --- | --- | --- | --- | --- |
${survivors.join('\n')}
${MUTATION_END}`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport;
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Kill matrix\n\n${MUTATION_START}\n${MUTATION_END}\n`;
  const start = doc.indexOf(MUTATION_START);
  const end = doc.indexOf(MUTATION_END);
  const section = mutationSection(report, 'on models/service.ts and models/violations.ts, killed by the in-process tests of test/models', process.env.TC_MUTATION_NOTE ?? 'see test/mutation/stryker.config.mjs');
  const next = start >= 0 && end > start ? doc.slice(0, start) + section + doc.slice(end + MUTATION_END.length) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
  console.log(section.split('\n').find((l) => l.startsWith('mutation score')));
}
