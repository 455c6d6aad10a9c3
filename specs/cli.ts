/**
 * specs:derive and specs:diff. Usage errors and unusable models print one line and exit 2,
 * so a nightly job can tell "the model changed" (diff output) from "the job is broken".
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { ModelError } from './contract.js';
import { loadModel } from './load.js';
import { derive, outputDir, writeDerived } from './derive.js';
import { diffContracts, formatDifference } from './diff.js';

const USAGE = `usage:
  npm run specs:derive -- --model PATH [--out DIR]    derive JSON Schema, operations index and provenance
  npm run specs:diff -- A B [--exit-code]             print every contract difference between two models
                                                      (Smithy JSON AST or botocore service-2.json);
                                                      --exit-code: exit 1 when they differ`;

class UsageError extends Error {}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'derive') {
      const { values } = parseArgs({ args: rest, options: { model: { type: 'string' }, out: { type: 'string' } } });
      if (!values.model) throw new UsageError('derive needs --model PATH');
      const model = loadModel(values.model);
      const root = values.out ?? dirname(fileURLToPath(import.meta.url));
      for (const f of writeDerived(outputDir(root, model), derive(model))) console.log(`wrote ${f}`);
      return 0;
    }
    if (command === 'diff') {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'exit-code': { type: 'boolean' } } });
      if (positionals.length !== 2) throw new UsageError('diff needs two model paths');
      const [a, b] = positionals.map(loadModel);
      const diffs = diffContracts(a.contract, b.contract);
      console.log(`--- ${a.path} (${a.contract.format}, sha256 ${a.sha256.slice(0, 12)})`);
      console.log(`+++ ${b.path} (${b.contract.format}, sha256 ${b.sha256.slice(0, 12)})`);
      for (const d of diffs) console.log(formatDifference(d));
      console.log(diffs.length ? `${diffs.length} differences` : 'no contract differences');
      return values['exit-code'] && diffs.length ? 1 : 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  } catch (e) {
    if (e instanceof ModelError) console.error(`error: ${e.message}`);
    else if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`error: ${(e as Error).message.split('\n')[0]}\n${USAGE}`);
    } else console.error(`error: internal: ${(e as Error).message.split('\n')[0]}`);
    return 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
