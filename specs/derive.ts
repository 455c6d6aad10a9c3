import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LoadedModel } from './load.js';
import { toJsonSchema, toOperationsIndex } from './json-schema.js';
import type { CodePointTable } from './index.js';
import { codePointTableFor } from '../generators/charset.js';
import { parseClassRepetition } from '../generators/pattern.js';

/** Bumped whenever the derived output would change for the same model. */
export const DERIVER_VERSION = '1.2.0';

export interface DerivedFiles {
  'schema.json': unknown;
  'operations.json': unknown;
  'provenance.json': unknown;
  /** already serialized: one line per bucket keeps a table of thousands of runs readable in a diff */
  'codepoints.json': string;
}

/**
 * Where the model came from: the model folder's PROVENANCE.txt names the upstream repository,
 * path and commit of each file; its block for this file is kept verbatim.
 */
function origin(path: string): string[] | undefined {
  const file = join(dirname(path), 'PROVENANCE.txt');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.split(/[ ,]/).includes(basename(path)) && !l.startsWith(' '));
  if (start < 0) return undefined;
  const block: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (!l.startsWith(' ')) break;
    block.push(l.trim());
  }
  return block;
}

/** Every `pattern` in a schema, in document order. */
function patterns(schema: unknown, out: string[] = []): string[] {
  if (Array.isArray(schema)) for (const v of schema) patterns(v, out);
  else if (schema && typeof schema === 'object')
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'pattern' && typeof v === 'string') out.push(v);
      else patterns(v, out);
    }
  return out;
}

/** The code-point sets the generators draw the schema's patterns from, precomputed (generators/charset.ts). */
function serializeTable(table: CodePointTable): string {
  const sets = Object.entries(table.sets).map(([source, { size, buckets }]) => {
    const lines = buckets.map((b) => `        ${JSON.stringify(b)}`).join(',\n');
    return `    ${JSON.stringify(source)}: {\n      "size": ${size},\n      "buckets": [\n${lines}\n      ]\n    }`;
  });
  return `{\n  "unicode": ${JSON.stringify(table.unicode)},\n  "sets": {\n${sets.join(',\n')}\n  }\n}\n`;
}

export function derive(model: LoadedModel): DerivedFiles {
  const { contract } = model;
  const schema = toJsonSchema(contract);
  return {
    'schema.json': schema,
    'operations.json': toOperationsIndex(contract),
    'provenance.json': {
      model: {
        file: basename(model.path),
        format: contract.format,
        sha256: model.sha256,
        service: contract.service.name,
        apiVersion: contract.service.apiVersion,
        ...(origin(model.path) && { origin: origin(model.path) }),
      },
      deriver: { name: 'tunnel-conformance specs deriver', version: DERIVER_VERSION },
    },
    'codepoints.json': serializeTable(codePointTableFor(patterns(schema).map((p) => parseClassRepetition(p).classBody))),
  };
}

export const serialize = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

export function outputDir(root: string, model: LoadedModel): string {
  return join(root, model.contract.service.sdkId.toLowerCase(), model.contract.service.apiVersion);
}

export function writeDerived(dir: string, files: DerivedFiles): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, value]) => {
    const file = join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : serialize(value));
    return file;
  });
}
