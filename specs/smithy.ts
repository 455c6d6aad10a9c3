import { ModelError, type Contract, type Constraints, type Member, type Operation, type Shape, type ShapeType } from './contract.js';

type Traits = Record<string, unknown>;
interface AstShape {
  type: string;
  traits?: Traits;
  members?: Record<string, { target: string; traits?: Traits }>;
  member?: { target: string; traits?: Traits };
  key?: { target: string };
  value?: { target: string };
  input?: { target: string };
  output?: { target: string };
  errors?: { target: string }[];
  operations?: { target: string }[];
  resources?: { target: string }[];
  version?: string;
}

const PRELUDE: Record<string, ShapeType> = {
  String: 'string', Integer: 'integer', Long: 'long', Short: 'integer', Byte: 'integer',
  Float: 'float', Double: 'double', Boolean: 'boolean', Timestamp: 'timestamp', Blob: 'blob',
  PrimitiveInteger: 'integer', PrimitiveLong: 'long', PrimitiveBoolean: 'boolean',
};
const SIMPLE: Record<string, ShapeType> = {
  string: 'string', integer: 'integer', long: 'long', short: 'integer', byte: 'integer',
  float: 'float', double: 'double', boolean: 'boolean', timestamp: 'timestamp', blob: 'blob',
  list: 'list', set: 'list', map: 'map', structure: 'structure', union: 'union', enum: 'string', intEnum: 'integer',
};

export function isSmithyAst(json: unknown): boolean {
  const j = json as { smithy?: unknown; shapes?: unknown };
  return typeof j?.smithy === 'string' && typeof j.shapes === 'object' && j.shapes !== null;
}

const local = (id: string) => id.slice(id.indexOf('#') + 1);

function constraints(traits: Traits = {}): Constraints {
  const c: Constraints = {};
  const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
  const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
  if (length) c.length = { ...length };
  if (range) c.range = { ...range };
  if (typeof traits['smithy.api#pattern'] === 'string') c.pattern = traits['smithy.api#pattern'] as string;
  if ('smithy.api#sensitive' in traits) c.sensitive = true;
  const legacyEnum = traits['smithy.api#enum'] as { value: string }[] | undefined;
  if (legacyEnum) c.enum = legacyEnum.map((e) => e.value);
  return c;
}

/** Reads a Smithy 2.0 JSON AST holding exactly one service. */
export function fromSmithy(json: unknown): Contract {
  if (!isSmithyAst(json)) throw new ModelError('not a Smithy JSON AST (needs a "smithy" version and "shapes")');
  const ast = json as { shapes: Record<string, AstShape> };
  const services = Object.entries(ast.shapes).filter(([, s]) => s.type === 'service');
  if (services.length !== 1) throw new ModelError(`expected one service shape in the Smithy model, found ${services.length}`);
  const [[serviceId, service]] = services;
  const traits = service.traits ?? {};
  const awsService = traits['aws.api#service'] as { sdkId?: string } | undefined;
  if (!('aws.protocols#awsJson1_1' in traits) && !('aws.protocols#awsJson1_0' in traits)) {
    throw new ModelError(`service ${local(serviceId)} does not use an AWS JSON protocol`);
  }
  const contract: Contract = {
    format: 'smithy',
    service: {
      name: local(serviceId),
      sdkId: awsService?.sdkId ?? local(serviceId),
      apiVersion: service.version ?? '',
      targetPrefix: local(serviceId),
      signingName: (traits['aws.auth#sigv4'] as { name?: string } | undefined)?.name,
    },
    shapes: {},
    operations: {},
  };

  for (const [id, s] of Object.entries(ast.shapes)) {
    const name = local(id);
    if (s.type === 'operation') {
      const op: Operation = { errors: (s.errors ?? []).map((e) => local(e.target)) };
      if (s.input && s.input.target !== 'smithy.api#Unit') op.input = local(s.input.target);
      if (s.output && s.output.target !== 'smithy.api#Unit') op.output = local(s.output.target);
      const pag = s.traits?.['smithy.api#paginated'] as Operation['paginated'];
      if (pag) op.paginated = { ...pag };
      contract.operations[name] = op;
      continue;
    }
    const type = SIMPLE[s.type];
    if (!type) continue; // service, resource, apply: not data shapes
    const shape: Shape = { type, ...constraints(s.traits) };
    if (s.type === 'enum' || s.type === 'intEnum') {
      shape.enum = Object.entries(s.members ?? {}).map(([k, m]) => String(m.traits?.['smithy.api#enumValue'] ?? k));
    } else if (s.type === 'list' || s.type === 'set') {
      shape.member = memberTarget(s.member!.target);
    } else if (s.type === 'map') {
      shape.key = memberTarget(s.key!.target);
      shape.member = memberTarget(s.value!.target);
    } else if (s.type === 'structure' || s.type === 'union') {
      shape.members = {};
      for (const [mName, m] of Object.entries(s.members ?? {})) {
        const member: Member = { target: memberTarget(m.target), ...constraints(m.traits) };
        if (m.traits && 'smithy.api#required' in m.traits) member.required = true;
        shape.members[mName] = member;
      }
      const fault = s.traits?.['smithy.api#error'];
      if (fault === 'client' || fault === 'server') {
        const httpStatus = s.traits?.['smithy.api#httpError'] as number | undefined;
        shape.error = { fault, ...(httpStatus !== undefined && { httpStatus }) };
      }
    }
    contract.shapes[name] = shape;
  }
  // Keep only operations the service binds, so a model with stray shapes still diffs cleanly.
  const bound = new Set((service.operations ?? []).map((o) => local(o.target)));
  for (const name of Object.keys(contract.operations)) if (!bound.has(name)) delete contract.operations[name];
  return contract;

  function memberTarget(target: string): string {
    if (target.startsWith('smithy.api#')) {
      const t = PRELUDE[local(target)];
      if (!t) throw new ModelError(`unsupported prelude shape ${target}`);
      contract.shapes[local(target)] ??= { type: t };
    }
    return local(target);
  }
}
