import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LoadedModel } from './load.js';
import { toJsonSchema, toOperationsIndex } from './json-schema.js';

/** Bumped whenever the derived output would change for the same model. */
export const DERIVER_VERSION = '1.1.0';

export interface DerivedFiles {
  'schema.json': unknown;
  'operations.json': unknown;
  'provenance.json': unknown;
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

export function derive(model: LoadedModel): DerivedFiles {
  const { contract } = model;
  return {
    'schema.json': toJsonSchema(contract),
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
    writeFileSync(file, serialize(value));
    return file;
  });
}
