/**
 * The contract IR: what both model formats (Smithy JSON AST, botocore service-2.json) say about
 * the API, reduced to the facts a conformance suite and a diff care about. Documentation and
 * REST bindings are dropped on purpose: the service speaks awsJson1_1, so `smithy.api#http*`
 * traits never reach the wire.
 */
export interface Length { min?: number; max?: number }

export interface Constraints {
  length?: Length;
  range?: Length;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
}

export type ShapeType =
  | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob'
  | 'list' | 'map' | 'structure' | 'union';

export interface Member extends Constraints {
  target: string;
  required?: boolean;
}

export interface Shape extends Constraints {
  type: ShapeType;
  /** list member / map value */
  member?: string;
  /** map key */
  key?: string;
  members?: Record<string, Member>;
  error?: { fault: 'client' | 'server'; httpStatus?: number; code?: string };
}

export interface Paginated { inputToken?: string; outputToken?: string; pageSize?: string; items?: string }

export interface Operation {
  input?: string;
  output?: string;
  errors: string[];
  paginated?: Paginated;
}

export interface Contract {
  format: 'smithy' | 'botocore';
  service: { name: string; sdkId: string; apiVersion: string; targetPrefix: string; signingName?: string };
  shapes: Record<string, Shape>;
  operations: Record<string, Operation>;
}

/** Raised for input the deriver cannot use; the CLI prints its message as one line and exits 2. */
export class ModelError extends Error {}
