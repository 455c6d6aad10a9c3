/**
 * The derived contract at run time: the committed schema, operations index and provenance, and
 * one way to validate values against them. Everything downstream (model, generators, suites,
 * reports) reads constraints from here, never from hand-copied literals.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { ANNOTATIONS, type JsonSchema, type OperationEntry, type OperationsIndex } from './json-schema.js';

const dir = new URL('./iotsecuretunneling/2018-10-05/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;

/**
 * The operations the derived index names, typed from the committed JSON itself: re-deriving a
 * model with one more operation widens this union, and every `Record<OperationName, …>` (the
 * facts table, the service's methods) stops compiling until it has a row for it.
 */
export type OperationName = keyof (typeof import('./iotsecuretunneling/2018-10-05/operations.json'))['operations'];

export const schema = read<JsonSchema & { $id: string; $defs: Record<string, JsonSchema> }>('schema.json');
export const operationsIndex = read<Omit<OperationsIndex, 'operations'> & { operations: Record<OperationName, OperationEntry> }>('operations.json');
export const provenance = read<{ model: { sha256: string; service: string; apiVersion: string; file: string }; deriver: { version: string } }>('provenance.json');

/**
 * Code-point sets for the schema's pattern classes (generators/charset.ts), derived with the
 * specs: each set's members by general category and plane, as inclusive [first, last] runs
 * flattened to one array. Category data is Unicode's: a table derived under another Unicode
 * version than this Node's is not used (the sets are then scanned at run time, as they must agree
 * with the `u`-flag regexes that validate values here).
 */
export interface CodePointTable {
  unicode: string;
  sets: Record<string, { size: number; buckets: { category: 'L' | 'N' | 'Z' | 'P' | 'S' | 'M' | 'C'; plane: 'ascii' | 'bmp' | 'astral'; ranges: number[] }[] }>;
}
let table: CodePointTable | null | undefined;
/** Read on first use: only the commands that generate inputs need it. */
export function codePointTable(): CodePointTable | undefined {
  if (table === undefined) {
    const read_ = read<CodePointTable>('codepoints.json');
    table = read_.unicode === process.versions.unicode ? read_ : null;
  }
  return table ?? undefined;
}

/** In the index's order (sorted by name), which is also the catalogue's order for per-operation checks. */
export const operationNames = Object.keys(operationsIndex.operations) as OperationName[];
export const isOperationName = (name: string): name is OperationName => Object.hasOwn(operationsIndex.operations, name);
/**
 * X-Amz-Target -> operation (MODEL: awsJson1_1 target prefix). Looked up per request rather than
 * tabled at load, so that mutation testing reaches it.
 */
export const operationForTarget = (target: string | undefined): OperationName | undefined =>
  operationNames.find((op) => operationsIndex.operations[op].target === target);

/** `#/$defs/Foo` -> `Foo` */
export const defName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);
export const inputShape = (op: OperationName) => defName(operationsIndex.operations[op].input!);
export const outputShape = (op: OperationName) => defName(operationsIndex.operations[op].output!);
export const def = (name: string) => {
  const d = schema.$defs[name];
  if (!d) throw new Error(`no shape ${name} in the derived schema`);
  return d;
};

/** Strict Ajv2020 that knows the deriver's annotation keywords. Patterns get the `u` flag (ajv's default). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addVocabulary([...ANNOTATIONS]);
  return ajv;
}

let shared: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** A compiled validator for one shape, cached: the hot path of the model and the checks. */
export function validatorFor(shapeName: string): ValidateFunction {
  let v = validators.get(shapeName);
  if (!v) {
    if (!shared) {
      shared = createAjv();
      shared.addSchema(schema);
    }
    def(shapeName);
    v = shared.getSchema(`${schema.$id}#/$defs/${shapeName}`)!;
    validators.set(shapeName, v);
  }
  return v;
}

export function validateShape(shapeName: string, value: unknown): ErrorObject[] {
  const v = validatorFor(shapeName);
  return v(value) ? [] : [...(v.errors ?? [])];
}
