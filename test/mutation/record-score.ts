/**
 * Copies the result of `stryker run` (its JSON report, mutation-testing-report-schema) into the
 * mutation section of docs/kill-matrix.md: the score, per file, and every surviving mutant, so a
 * reader sees which rules of the model no test pins down.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cell as markdownCell, KILL_MATRIX_DOC, MUTATION_END, MUTATION_START, writeMutationSection } from '../self-validation/kill-matrix.js';
import { equivalentMutants, type EquivalentMutant } from './equivalent-mutants.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const REPORT = `${root}reports-out/mutation/mutation.json`;

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  /** 1-based lines and columns; `end` is exclusive */
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface MutationReport {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

/** Stryker's mutation score: detected / (detected + undetected); compile errors and ignored mutants do not count. */
function score(mutants: Mutant[]): { detected: number; valid: number; percent: number } {
  const detected = mutants.filter((m) => DETECTED.includes(m.status)).length;
  const valid = detected + mutants.filter((m) => UNDETECTED.includes(m.status)).length;
  return { detected, valid, percent: valid ? (100 * detected) / valid : 100 };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const cell = (text: string, max: number) => markdownCell(oneLine(text)).slice(0, max);

export interface Survivor {
  file: string;
  line: number;
  mutator: string;
  status: string;
  /** the code the mutant replaces */
  original: string;
  replacement: string;
  /** the whole line it sits on */
  source: string;
  /** the reason it is equivalent, when exactly one entry of equivalent-mutants.ts matches it */
  why?: string;
}

/** The text between two 1-based positions (end exclusive), as Stryker reports a mutant's location. */
function slice(lines: string[], { start, end }: Mutant['location']): string {
  if (start.line === end.line) return lines[start.line - 1]?.slice(start.column - 1, end.column - 1) ?? '';
  return [lines[start.line - 1]?.slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1]?.slice(0, end.column - 1)].join('\n');
}

const matches = (e: EquivalentMutant, s: Omit<Survivor, 'why'>) =>
  e.file === s.file && e.mutator === s.mutator && oneLine(e.original) === s.original && oneLine(e.replacement) === s.replacement && s.source.includes(e.line);

/** Every mutant no test detected, each with its explanation if one matches. */
export function survivorsOf(report: MutationReport, explanations: EquivalentMutant[] = equivalentMutants): Survivor[] {
  return Object.entries(report.files).flatMap(([name, f]) => {
    const file = name.replace(root, '');
    const lines = f.source.split('\n');
    return f.mutants
      .filter((m) => UNDETECTED.includes(m.status))
      .map((m) => {
        const s = {
          file,
          line: m.location.start.line,
          mutator: m.mutatorName,
          status: m.status,
          original: oneLine(slice(lines, m.location)),
          replacement: oneLine(m.replacement ?? ''),
          source: lines[m.location.start.line - 1]?.trim() ?? '',
        };
        return { ...s, why: explanations.find((e) => matches(e, s))?.why };
      });
  });
}

/**
 * Explanations that match no survivor (the mutant is killed now, or its code changed), and those
 * that match more than one: an explanation is written for one mutant and must not excuse another.
 */
export function misfitExplanations(survivors: Survivor[], explanations: EquivalentMutant[] = equivalentMutants) {
  const count = (e: EquivalentMutant) => survivors.filter((s) => matches(e, s)).length;
  return { stale: explanations.filter((e) => count(e) === 0), ambiguous: explanations.filter((e) => count(e) > 1) };
}

export function mutationSection(report: MutationReport, scope: string, durationNote: string, explanations: EquivalentMutant[] = equivalentMutants): string {
  const files = Object.entries(report.files).map(([name, f]) => ({ name: name.replace(root, ''), ...f }));
  const mutants = files.flatMap((f) => f.mutants);
  const all = score(mutants);
  const timeouts = mutants.filter((m) => m.status === 'Timeout').length;
  const perFile = files.map((f) => {
    const s = score(f.mutants);
    return `| ${f.name} | ${s.percent.toFixed(1)}% | ${s.detected}/${s.valid} |`;
  });
  const survivors = survivorsOf(report, explanations);
  const unexplained = survivors.filter((s) => !s.why).length;
  const rows = survivors.map(
    (s) => `| ${s.file}:${s.line} | ${s.mutator} | ${s.status} | \`${cell(s.original, 80)}\` | \`${cell(s.replacement, 80)}\` | \`${cell(s.source, 100)}\` | ${s.why ? cell(s.why, 600) : '**unexplained**'} |`,
  );
  return `${MUTATION_START}
## Mutation testing

\`npm run mutation\` (Stryker ${scope}; ${durationNote}).

mutation score: ${all.percent.toFixed(1)}%

${mutants.length} mutants: ${all.detected} detected (${timeouts} of them by a timeout), ${all.valid - all.detected} undetected, ${mutants.length - all.valid} neither (compile errors, ignored).

| file | score | detected/valid |
| --- | --- | --- |
${perFile.join('\n')}

### Surviving mutants (${survivors.length}, ${survivors.length - unexplained} explained as equivalent, ${unexplained} unexplained)

Every survivor must be killed by a test or explained in test/mutation/equivalent-mutants.ts; \`npm run mutation\` fails while one is not.

| where | mutator | status | original | replacement | line | why it lives |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
${MUTATION_END}`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport;
  const section = mutationSection(report, 'on models/, killed by the in-process tests of test/models; models/variants is left out: those are deliberately broken copies whose test is the kill matrix above, run in child processes a mutant cannot reach', process.env.TC_MUTATION_NOTE ?? 'see test/mutation/stryker.config.mjs');
  writeMutationSection(KILL_MATRIX_DOC, section);
  console.log(section.split('\n').find((l) => l.startsWith('mutation score')));
  const survivors = survivorsOf(report);
  const { stale, ambiguous } = misfitExplanations(survivors);
  const show = (e: EquivalentMutant) => `${e.file} ${e.mutator} \`${e.original}\` -> \`${e.replacement}\` on "${e.line}"`;
  for (const e of stale) console.warn(`stale explanation (no such survivor now; remove it): ${show(e)}`);
  for (const e of ambiguous) console.error(`explanation matching more than one survivor (narrow its line): ${show(e)}`);
  const unexplained = survivors.filter((s) => !s.why);
  for (const s of unexplained) console.error(`unexplained survivor: ${s.file}:${s.line} ${s.mutator} \`${s.original}\` -> \`${s.replacement}\` in \`${s.source}\``);
  if (unexplained.length) console.error(`${unexplained.length} surviving mutant(s) neither killed nor explained: add a test, or the reason in test/mutation/equivalent-mutants.ts`);
  if (unexplained.length || ambiguous.length) process.exitCode = 1;
}
