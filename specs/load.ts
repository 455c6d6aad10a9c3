import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ModelError, type Contract } from './contract.js';
import { fromSmithy, isSmithyAst } from './smithy.js';
import { fromBotocore, isBotocore } from './botocore.js';

export interface LoadedModel {
  path: string;
  sha256: string;
  contract: Contract;
}

/** Reads either model format; every failure is a ModelError whose message fits on one line. */
export function loadModel(path: string): LoadedModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelError(`cannot read model ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? String(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new ModelError(`model ${path} is not JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  let contract: Contract;
  try {
    if (isSmithyAst(json)) contract = fromSmithy(json);
    else if (isBotocore(json)) contract = fromBotocore(json, path);
    else throw new ModelError('neither a Smithy JSON AST ("smithy" and "shapes") nor a botocore service-2.json ("metadata", "operations", "shapes")');
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(`model ${basename(path)}: ${e.message}`);
    throw new ModelError(`model ${basename(path)} is malformed: ${(e as Error).message.split('\n')[0]}`);
  }
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), contract };
}
