/**
 * Building blocks for service-level variants: a service whose input validation skips some
 * constraint findings, and the shape of an error answer. Each operation's method is the lower
 * camel case of its name (models/service.ts).
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { def, defName, inputShape, validateShape, type OperationName } from '../../specs/index.js';
import type { JsonSchema } from '../../specs/json-schema.js';
import { methodOf, TunnelService, type ServiceResult, type TunnelServiceOptions } from '../service.js';
import { violationOf } from '../violations.js';

export const refusal = (code: string, status: number, message: string): ServiceResult => ({ ok: false, error: { code, status, message } });

/** Runs the operation's method directly, as `call` does once the input is valid. */
export const invoke = (service: TunnelService, op: OperationName, input: unknown): ServiceResult =>
  (service[methodOf(op)] as (this: TunnelService, input: unknown) => ServiceResult).call(service, input);

/** A service that validates like the model except for the findings `skipped` picks out. */
export const skippingValidation =
  (skipped: (op: OperationName, e: ErrorObject) => boolean) =>
  (options: TunnelServiceOptions): TunnelService =>
    new (class extends TunnelService {
      override call(op: OperationName, input: unknown): ServiceResult {
        const violation = violationOf(validateShape(inputShape(op), input).filter((e) => !skipped(op, e)));
        return violation ? refusal(violation.code, 400, violation.message) : invoke(this, op, input);
      }
    })(options);

/** True when the finding is `keyword` at a member path matching `path` (JSON pointer). */
export const finding = (path: RegExp, ...keywords: string[]) => (_op: OperationName, e: ErrorObject) =>
  path.test(e.instancePath) && keywords.includes(e.keyword);

/** A service class with one method replaced, built afresh on every reset like the model. */
export const overriding =
  <T extends TunnelService>(Service: new (o: TunnelServiceOptions) => T) =>
  (options: TunnelServiceOptions): TunnelService =>
    new Service(options);

/**
 * A value coerced as a lenient deserializer (Jackson's defaults) would: a numeric string or a
 * fraction for an integer (truncated), any scalar for a string, "true"/"false" for a boolean,
 * walking the operation's input shape. Anything it cannot coerce is left for validation to refuse.
 */
export function coerceScalars(schema: JsonSchema, value: unknown): unknown {
  if (typeof schema.$ref === 'string') return coerceScalars(def(defName(schema.$ref)), value);
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? (schema.type === 'integer' ? Math.trunc(n) : n) : value;
    }
    case 'string':
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array':
      return Array.isArray(value) ? value.map((v) => coerceScalars(schema.items as JsonSchema, v)) : value;
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const members = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, members[k] ? coerceScalars(members[k], v) : v]));
    }
    default:
      return value;
  }
}
