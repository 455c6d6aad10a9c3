/**
 * The check catalogue as a Markdown table, generated from the definitions so the docs never
 * drift from the code (a test compares docs/checks.md with this output).
 * `npx tsx suites/catalogue-doc.ts > docs/checks.md` regenerates it.
 */
import { fileURLToPath } from 'node:url';
import { allChecks } from './catalogue.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function catalogueMarkdown(): string {
  const checks = allChecks();
  const code = (ids: string[] | undefined) => (ids ?? []).map((id) => `\`${id}\``).join(', ');
  const rows = checks.map((c) => `| ${code([c.id])} | ${code(c.formerly)} | ${c.level} | ${cell(c.title)} | ${c.operations.join(', ')} | ${cell(c.source)} |`);
  return [
    '# Check catalogue',
    '',
    `${checks.length} checks, generated from \`suites/checks/\` by \`npx tsx suites/catalogue-doc.ts > docs/checks.md\`.`,
    'MUST rests on the model or a documented sentence, SHOULD on a documented example. What the',
    'contract leaves open (service-facts.md#unknown) is recorded as an observation in the report, never failed.',
    '',
    'Ids are stable: none depends on a position in a list. A renamed check lists its former id for one',
    'release; `--only`, `--skip` and `--expect` still accept it (with a note on stderr naming the new id),',
    'and `report diff` pairs a report that used it with one that uses the new id.',
    '',
    'Alone: where a run\'s checks go side by side (docs/usage.md, "Checks side by side"), these run while nothing else does:',
    '',
    ...checks.filter((c) => c.alone !== undefined).map((c) => `- ${code([c.id])}: ${cell(c.alone!)}`),
    '',
    '| id | formerly | level | what it checks | operations | source |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.stdout.write(catalogueMarkdown());
