/**
 * The derived contract at run time: the committed schema, operations index and provenance, and
 * one way to validate values against them. Everything downstream (model, generators, suites,
 * reports) reads constraints from here, never from hand-copied literals.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { ANNOTATIONS, type JsonSchema, type OperationsIndex } from './json-schema.js';

const dir = new URL('./iotsecuretunneling/2018-10-05/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;

export const schema = read<JsonSchema & { $id: string; $defs: Record<string, JsonSchema> }>('schema.json');
export const operationsIndex = read<OperationsIndex>('operations.json');
export const provenance = read<{ model: { sha256: string; service: string; apiVersion: string; file: string }; deriver: { version: string } }>('provenance.json');

export type OperationName =
  | 'OpenTunnel' | 'CloseTunnel' | 'DescribeTunnel' | 'ListTunnels' | 'RotateTunnelAccessToken'
  | 'TagResource' | 'UntagResource' | 'ListTagsForResource';
export const operationNames = Object.keys(operationsIndex.operations) as OperationName[];

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
