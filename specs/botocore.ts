import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ModelError, type Contract, type Constraints, type Shape, type ShapeType } from './contract.js';

interface BotoShape {
  type: string;
  min?: number; max?: number; pattern?: string; enum?: string[]; sensitive?: boolean;
  member?: { shape: string }; key?: { shape: string }; value?: { shape: string };
  members?: Record<string, { shape: string }>;
  required?: string[];
  exception?: boolean; fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
}
interface BotoOperation { input?: { shape: string }; output?: { shape: string }; errors?: { shape: string }[] }
interface BotoModel {
  metadata: { apiVersion: string; serviceId: string; targetPrefix?: string; signingName?: string; protocol: string };
  operations: Record<string, BotoOperation>;
  shapes: Record<string, BotoShape>;
}

export function isBotocore(json: unknown): boolean {
  const j = json as Partial<BotoModel>;
  return typeof j?.metadata === 'object' && typeof j.operations === 'object' && typeof j.shapes === 'object';
}

const TYPES: Record<string, ShapeType> = {
  string: 'string', integer: 'integer', long: 'long', float: 'float', double: 'double', boolean: 'boolean',
  timestamp: 'timestamp', blob: 'blob', list: 'list', map: 'map', structure: 'structure',
};

/** The numeric-vs-length meaning of botocore's min/max depends on the shape type. */
function constraints(s: BotoShape): Constraints {
  const c: Constraints = {};
  const bounds = { ...(s.min !== undefined && { min: s.min }), ...(s.max !== undefined && { max: s.max }) };
  if (Object.keys(bounds).length) {
    if (['integer', 'long', 'float', 'double'].includes(s.type)) c.range = bounds;
    else c.length = bounds;
  }
  if (s.pattern !== undefined) c.pattern = s.pattern;
  if (s.enum) c.enum = [...s.enum];
  if (s.sensitive) c.sensitive = true;
  return c;
}

/**
 * Reads botocore's service-2.json; pagination lives in a sibling paginators-1.json, which is
 * read when present so that the two formats are compared on equal terms.
 */
export function fromBotocore(json: unknown, path?: string): Contract {
  if (!isBotocore(json)) throw new ModelError('not a botocore service model (needs "metadata", "operations" and "shapes")');
  const m = json as BotoModel;
  if (m.metadata.protocol !== 'json') throw new ModelError(`botocore protocol "${m.metadata.protocol}" is not AWS JSON`);
  const contract: Contract = {
    format: 'botocore',
    service: {
      name: m.metadata.targetPrefix ?? m.metadata.serviceId,
      sdkId: m.metadata.serviceId,
      apiVersion: m.metadata.apiVersion,
      targetPrefix: m.metadata.targetPrefix ?? m.metadata.serviceId,
      signingName: m.metadata.signingName,
    },
    shapes: {},
    operations: {},
  };
  for (const [name, s] of Object.entries(m.shapes)) {
    const type = TYPES[s.type];
    if (!type) throw new ModelError(`shape ${name} has unsupported botocore type "${s.type}"`);
    const shape: Shape = { type, ...constraints(s) };
    if (s.member) shape.member = s.member.shape;
    if (s.key) shape.key = s.key.shape;
    if (s.value) shape.member = s.value.shape;
    if (s.members) {
      const required = new Set(s.required ?? []);
      shape.members = Object.fromEntries(
        Object.entries(s.members).map(([k, v]) => [k, { target: v.shape, ...(required.has(k) && { required: true }) }]),
      );
    }
    if (s.exception) {
      shape.error = {
        fault: s.fault ? 'server' : 'client',
        ...(s.error?.httpStatusCode !== undefined && { httpStatus: s.error.httpStatusCode }),
        ...(s.error?.code !== undefined && s.error.code !== name && { code: s.error.code }),
      };
    }
    contract.shapes[name] = shape;
  }
  const pagination = path ? readPaginators(path) : {};
  for (const [name, op] of Object.entries(m.operations)) {
    contract.operations[name] = {
      ...(op.input && { input: op.input.shape }),
      ...(op.output && { output: op.output.shape }),
      errors: (op.errors ?? []).map((e) => e.shape),
      ...(pagination[name] && { paginated: pagination[name] }),
    };
  }
  return contract;
}

function readPaginators(servicePath: string): Record<string, { inputToken?: string; outputToken?: string; pageSize?: string; items?: string }> {
  const dir = dirname(servicePath);
  const candidates = [join(dir, 'paginators-1.json'), join(dir, servicePath.split('/').pop()!.replace(/service-2\.json$/, 'paginators-1.json'))];
  const file = candidates.find((c) => c !== servicePath && existsSync(c));
  if (!file) return {};
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { pagination?: Record<string, { input_token?: string; output_token?: string; limit_key?: string; result_key?: string }> };
  return Object.fromEntries(
    Object.entries(raw.pagination ?? {}).map(([op, p]) => [op, {
      ...(p.input_token && { inputToken: p.input_token }),
      ...(p.output_token && { outputToken: p.output_token }),
      ...(p.limit_key && { pageSize: p.limit_key }),
      ...(p.result_key && { items: p.result_key }),
    }]),
  );
}
