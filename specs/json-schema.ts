import type { Contract, Constraints, Shape } from './contract.js';

/**
 * Annotation keywords the derived schemas use beyond draft 2020-12. They are registered as a
 * vocabulary (see `createAjv`) so that ajv's strict mode accepts them.
 * - `x-sensitive`: the model's `sensitive` trait; values must never be printed or stored.
 * - `x-timestamp`: how a timestamp travels on the wire (awsJson1_1: epoch seconds).
 */
export const ANNOTATIONS = ['x-sensitive', 'x-timestamp'] as const;

export type JsonSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });

function applyConstraints(schema: JsonSchema, c: Constraints, kind: 'string' | 'array' | 'object' | 'number' | 'other'): JsonSchema {
  if (c.length) {
    const [min, max] = kind === 'array' ? ['minItems', 'maxItems'] : kind === 'object' ? ['minProperties', 'maxProperties'] : ['minLength', 'maxLength'];
    if (c.length.min !== undefined) schema[min] = c.length.min;
    if (c.length.max !== undefined) schema[max] = c.length.max;
  }
  if (c.range) {
    if (c.range.min !== undefined) schema.minimum = c.range.min;
    if (c.range.max !== undefined) schema.maximum = c.range.max;
  }
  if (c.pattern !== undefined) schema.pattern = c.pattern;
  if (c.enum) schema.enum = [...c.enum];
  if (c.sensitive) schema['x-sensitive'] = true;
  return schema;
}

function shapeSchema(shape: Shape): JsonSchema {
  switch (shape.type) {
    case 'string':
      return applyConstraints({ type: 'string' }, shape, 'string');
    case 'blob':
      return applyConstraints({ type: 'string', contentEncoding: 'base64' }, shape, 'string');
    case 'integer':
    case 'long':
      return applyConstraints({ type: 'integer' }, shape, 'number');
    case 'float':
    case 'double':
      return applyConstraints({ type: 'number' }, shape, 'number');
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamp':
      return { type: 'number', 'x-timestamp': 'epoch-seconds' };
    case 'list':
      return applyConstraints({ type: 'array', items: ref(shape.member!) }, shape, 'array');
    case 'map':
      return applyConstraints({ type: 'object', propertyNames: ref(shape.key!), additionalProperties: ref(shape.member!) }, shape, 'object');
    case 'structure':
    case 'union': {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        // Member-level constraints sit beside the $ref (allowed in 2020-12) so both apply.
        properties[name] = applyConstraints(ref(m.target), m, 'other');
        if (m.required) required.push(name);
      }
      const schema: JsonSchema = { type: 'object', properties };
      if (required.length) schema.required = required;
      if (shape.type === 'union') {
        schema.minProperties = 1;
        schema.maxProperties = 1;
      }
      return schema;
    }
  }
}

/** One draft 2020-12 document, a `$defs` entry per shape, keys sorted so the output is stable. */
export function toJsonSchema(contract: Contract): JsonSchema {
  const names = Object.keys(contract.shapes).sort();
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:tunnel-conformance:${contract.service.sdkId.toLowerCase()}:${contract.service.apiVersion}`,
    title: `${contract.service.name} ${contract.service.apiVersion} (derived from the ${contract.format} model)`,
    $defs: Object.fromEntries(names.map((n) => [n, shapeSchema(contract.shapes[n])])),
  };
}

export interface OperationEntry {
  /** the X-Amz-Target header value that names the operation on the wire */
  target: string;
  /** the command class the AWS SDK for JavaScript v3 exports for it (smithy-typescript names it `<Operation>Command`) */
  command: string;
  input: string | null;
  output: string | null;
  errors: { code: string; fault: 'client' | 'server'; httpStatus: number | null }[];
  paginated: { inputToken?: string; outputToken?: string; pageSize?: string; items?: string } | null;
}

export interface OperationsIndex {
  service: Contract['service'];
  protocol: 'awsJson1_1';
  operations: Record<string, OperationEntry>;
}

export function toOperationsIndex(contract: Contract): OperationsIndex {
  const operations: Record<string, OperationEntry> = {};
  for (const name of Object.keys(contract.operations).sort()) {
    const op = contract.operations[name];
    operations[name] = {
      target: `${contract.service.targetPrefix}.${name}`,
      command: `${name}Command`,
      input: op.input ? `#/$defs/${op.input}` : null,
      output: op.output ? `#/$defs/${op.output}` : null,
      errors: op.errors.map((e) => {
        const err = contract.shapes[e]?.error;
        return { code: err?.code ?? e, fault: err?.fault ?? 'client', httpStatus: err?.httpStatus ?? null };
      }),
      paginated: op.paginated ?? null,
    };
  }
  return { service: contract.service, protocol: 'awsJson1_1', operations };
}
