/**
 * docs/kill-matrix.md from a self-validation run: one row per variant with its kind, the
 * verdict and the checks that failed on it. Only `npm run kill-matrix` writes it; `npm test`
 * reads back the verdicts it records and compares them with the ones it measured, so the
 * document cannot go stale and a test run leaves the work tree as it found it. The mutation
 * section is kept as it was: it is written by test/mutation/record-score.ts, from a run of its own.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Variant } from '../../models/variants/index.js';
import type { RunSettings, VariantOutcome } from './kill-run.js';
import { COUNTEREXAMPLE_LIMIT, LARGE_COUNTEREXAMPLES } from './known-misjudged.js';

export const KILL_MATRIX_DOC = fileURLToPath(new URL('../../docs/kill-matrix.md', import.meta.url));

export const MUTATION_START = '<!-- mutation:start -->';
export const MUTATION_END = '<!-- mutation:end -->';

export type Verdict = 'caught' | 'escaped' | 'accepted' | 'false alarm' | 'could not run';

export function verdictOf(o: VariantOutcome): Verdict {
  // only a fault's run is stopped there (RunSettings.firstFailure)
  if (o.stoppedAtFailure) return 'caught';
  if (o.exitCode !== 0 && o.exitCode !== 1) return 'could not run';
  if (o.kind === 'fault') return o.exitCode === 1 ? 'caught' : 'escaped';
  return o.exitCode === 0 ? 'accepted' : 'false alarm';
}

/** Text safe inside one Markdown table cell. */
export const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One variant's outcomes over the seeds of a kill matrix, in seed order. */
export interface SeededOutcomes {
  name: string;
  kind: Variant['kind'];
  outcomes: VariantOutcome[];
}

/**
 * The verdict over every seed: a fault is caught only when every seed caught it, a legitimate
 * variant accepted only when every seed accepted it; otherwise a seed that could not run says
 * so, and the rest escaped or raised a false alarm.
 */
export function seededVerdict(v: SeededOutcomes): { verdict: Verdict; good: number } {
  const verdicts = v.outcomes.map(verdictOf);
  const goal: Verdict = v.kind === 'fault' ? 'caught' : 'accepted';
  const good = verdicts.filter((x) => x === goal).length;
  if (good === verdicts.length && good > 0) return { verdict: goal, good };
  if (verdicts.includes('could not run')) return { verdict: 'could not run', good };
  return { verdict: v.kind === 'fault' ? 'escaped' : 'false alarm', good };
}

/** The longest counterexample over a variant's seeds, if any check reported one. */
export function largestCounterexample(outcomes: VariantOutcome[]): VariantOutcome['largestCounterexample'] {
  return outcomes.map((o) => o.largestCounterexample).reduce((a, b) => (!b || (a && a.chars >= b.chars) ? a : b), undefined);
}

/** Counterexamples over the limit that no entry of LARGE_COUNTEREXAMPLES explains, one line each. */
export function oversizedCounterexamples(outcomes: VariantOutcome[], explained: Record<string, string> = LARGE_COUNTEREXAMPLES): string[] {
  return outcomes.flatMap((o) => {
    const c = o.largestCounterexample;
    return c && c.chars > COUNTEREXAMPLE_LIMIT && !explained[o.name] ? [`${o.name}: ${c.check} reported a counterexample of ${c.chars} JSON characters (limit ${COUNTEREXAMPLE_LIMIT})`] : [];
  });
}

/** Groups per-seed outcomes (each a list over the variants) by variant. */
export function bySeed(perSeed: VariantOutcome[][]): SeededOutcomes[] {
  const grouped = new Map<string, SeededOutcomes>();
  for (const outcomes of perSeed) {
    for (const o of outcomes) {
      const g = grouped.get(o.name) ?? { name: o.name, kind: o.kind, outcomes: [] };
      g.outcomes.push(o);
      grouped.set(o.name, g);
    }
  }
  return [...grouped.values()];
}

export interface MatrixSettings {
  profile: RunSettings['profile'];
  seeds: number[];
  concurrency: number;
  /** faults' runs were cancelled at their first failed check (RunSettings.firstFailure) */
  firstFailure?: boolean;
}

export function renderKillMatrix(
  variants: Variant[],
  perSeed: VariantOutcome[][],
  settings: MatrixSettings,
  totalMs: number,
  escapeReasons: Record<string, string>,
  mutationSection: string,
): string {
  const byName = new Map(bySeed(perSeed).map((o) => [o.name, o]));
  const n = settings.seeds.length;
  const rows = variants.map((v) => {
    const o = byName.get(v.name);
    if (!o) return `| ${v.name} | ${v.kind} | not run | 0/${n} | | | ${cell(v.description)} |`;
    const { verdict, good } = seededVerdict(o);
    const checks = [...new Set(o.outcomes.flatMap((x) => x.caughtBy))];
    const reason = o.outcomes.find((x) => x.reason)?.reason;
    const caught = checks.length ? checks.join(', ') : reason ? cell(reason) : '—';
    const seconds = o.outcomes.reduce((sum, x) => sum + x.durationMs, 0) / o.outcomes.length / 1000;
    const largest = largestCounterexample(o.outcomes);
    return `| ${v.name} | ${v.kind} | ${verdict} | ${good}/${o.outcomes.length} | ${caught} | ${largest ? `${largest.chars} (${largest.check})` : '—'} | ${seconds.toFixed(1)} | ${cell(v.description)} |`;
  });
  const verdicts = [...byName.values()].map((o) => ({ o, verdict: seededVerdict(o).verdict }));
  const count = (verdict: Verdict) => verdicts.filter((x) => x.verdict === verdict).length;
  const faults = variants.filter((v) => v.kind === 'fault').length;
  const misjudged = verdicts.filter((x) => ['escaped', 'false alarm', 'could not run'].includes(x.verdict));
  const explained = misjudged.map(({ o, verdict }) => `- **${o.name}** (${verdict}): ${escapeReasons[o.name] ?? o.outcomes.find((x) => x.reason)?.reason ?? 'not explained yet: see the variant and its report.json'}`);
  const seeds = n === 1 ? `--seed ${settings.seeds[0]}` : `seeds ${settings.seeds.join(', ')}`;
  const sizes = [...byName.values()].flatMap((o) => {
    const c = largestCounterexample(o.outcomes);
    return c ? [{ name: o.name, ...c }] : [];
  });
  const longest = sizes.reduce<(typeof sizes)[number] | undefined>((a, b) => (a && a.chars >= b.chars ? a : b), undefined);
  const oversized = sizes.filter((c) => c.chars > COUNTEREXAMPLE_LIMIT).map((c) => `- **${c.name}** (${c.check}, ${c.chars} characters): ${LARGE_COUNTEREXAMPLES[c.name] ?? 'not explained: the self-validation test fails on it'}`);
  const firstFailure = settings.firstFailure
    ? `\n\nWith \`--first-failure\`, a fault's run is cancelled (as by Ctrl-C) once it prints its first failed check, and counts as
caught when report.json then marks a check failed: "caught by" and the counterexample column cover the checks failed by
then, and "seconds" is the time to that point. Legitimate variants always run to the end.`
    : '';
  return `# Kill matrix

Written by \`npm run kill-matrix -- --seeds ${n} --profile ${settings.profile}${settings.firstFailure ? ' --first-failure' : ''}\`: the suite run over HTTP against every variant in
\`models/variants/\`, \`--profile ${settings.profile}\`, ${seeds}, ${settings.concurrency} variants at a time. A fault must
make the run exit 1 with every seed (caught only when every seed catches it); a legitimate variant must make it
exit 0 with every seed. "Seeds" counts the seeds that judged the variant right; "caught by" lists the checks
report.json marks failed, over all seeds. \`npm test\` runs the self-validation with one seed and fails when a
verdict it measures differs from the one recorded here.${firstFailure}

Total time: ${(totalMs / 1000).toFixed(0)} s for ${variants.length} variants (${faults} faults, ${variants.length - faults} legitimate) × ${n} seeds.
Faults caught: ${count('caught')}/${faults}, escaped: ${count('escaped')}; legitimate accepted: ${count('accepted')}/${variants.length - faults}, false alarms: ${count('false alarm')}; could not run: ${count('could not run')}.

| variant | kind | verdict | seeds | caught by (failed checks) | longest counterexample (JSON chars, check) | seconds (mean) | what it does |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

## Counterexample sizes

Every failure's counterexample is shrunk (docs/usage.md says what is and is not minimal); the longest one over every
variant and seed is ${longest ? `${longest.chars} JSON characters (${longest.name}, ${longest.check})` : 'none (no check failed)'}. Over ${COUNTEREXAMPLE_LIMIT}:

${oversized.length ? oversized.join('\n') : 'None.'}

## Escapes and false alarms, and why

${explained.length ? explained.join('\n') : 'None.'}

${mutationSection}
`;
}

/** The verdict each variant row of a kill matrix records (the doc's own table, not the mutation section's). */
export function recordedVerdicts(markdown: string): Map<string, string> {
  const rows = markdown
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map((l) => l.split('|').map((c) => c.trim()))
    .filter((cells) => cells[2] === 'fault' || cells[2] === 'legitimate');
  return new Map(rows.map((cells) => [cells[1]!, cells[3]!]));
}

/** One line per variant whose measured verdict is not the recorded one, or that only one side has. */
export function verdictDrift(recorded: Map<string, string>, outcomes: VariantOutcome[]): string[] {
  const measured = new Map(outcomes.map((o) => [o.name, verdictOf(o)]));
  const names = [...new Set([...recorded.keys(), ...measured.keys()])];
  return names.flatMap((name) => {
    const [was, now] = [recorded.get(name), measured.get(name)];
    if (was === now) return [];
    if (was === undefined) return [`${name}: measured ${now}, not in the kill matrix`];
    if (now === undefined) return [`${name}: recorded ${was}, no such variant was run`];
    return [`${name}: recorded ${was}, measured ${now}`];
  });
}

/** Where the mutation section sits in `text`, if it has one. */
function mutationBounds(text: string): { start: number; end: number } | undefined {
  const start = text.indexOf(MUTATION_START);
  const end = text.indexOf(MUTATION_END);
  return start >= 0 && end > start ? { start, end: end + MUTATION_END.length } : undefined;
}

/** The mutation section of an existing doc, or a placeholder until `npm run mutation` has recorded one. */
export function mutationSectionOf(path: string): string {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = mutationBounds(text);
  if (at) return text.slice(at.start, at.end);
  return `${MUTATION_START}\n## Mutation testing\n\nNot recorded yet: run \`npm run mutation\`.\n${MUTATION_END}`;
}

/** Writes `section` over the doc's mutation section (appending it when there is none); the rest is kept. */
export function writeMutationSection(path: string, section: string): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Kill matrix\n';
  const at = mutationBounds(text);
  writeFileSync(path, at ? text.slice(0, at.start) + section + text.slice(at.end) : `${text.trimEnd()}\n\n${section}\n`);
}

export function writeKillMatrix(path: string, ...args: Parameters<typeof renderKillMatrix> extends [...infer A, string] ? A : never): void {
  writeFileSync(path, renderKillMatrix(...args, mutationSectionOf(path)));
}
