/**
 * Turns ajv's findings against a derived input shape into the error an AWS JSON service gives:
 * a value of the wrong JSON type cannot be deserialized (SerializationException), a value that
 * breaks a modelled constraint is a ValidationException whose message names the member and the
 * constraint, in the wording AWS services use
 * (`1 validation error detected: Value at 'maxResults' failed to satisfy constraint: ...`).
 * Values are never quoted back: a message must not leak what a caller sent.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';

export interface Violation {
  code: 'SerializationException' | 'ValidationException';
  message: string;
}

/** `/destinationConfig/services/0` -> `destinationConfig.services.0` (the member path AWS messages use). */
const memberPath = (instancePath: string, child?: string) =>
  [...instancePath.split('/').slice(1), ...(child === undefined ? [] : [child])].map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');

function constraint(e: ErrorObject): string | undefined {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'Member must not be null';
    case 'minLength':
    case 'minItems':
      return `Member must have length greater than or equal to ${p.limit}`;
    case 'maxLength':
    case 'maxItems':
      return `Member must have length less than or equal to ${p.limit}`;
    case 'minimum':
      return `Member must have value greater than or equal to ${p.limit}`;
    case 'maximum':
      return `Member must have value less than or equal to ${p.limit}`;
    case 'pattern':
      return `Member must satisfy regular expression pattern: ${p.pattern}`;
    case 'enum':
      return `Member must satisfy enum value set: [${(p.allowedValues as unknown[]).join(', ')}]`;
  }
  return undefined; // a keyword without AWS wording: the caller falls back to ajv's message
}

/** Undefined when there is nothing to report. */
export function violationOf(errors: ErrorObject[]): Violation | undefined {
  if (errors.length === 0) return undefined;
  const typeError = errors.find((e) => e.keyword === 'type');
  if (typeError) {
    const at = memberPath(typeError.instancePath);
    return {
      code: 'SerializationException',
      message: at ? `Value at '${at}' could not be deserialized: expected ${(typeError.params as { type: string }).type}` : `Request body must be a JSON ${(typeError.params as { type: string }).type}`,
    };
  }
  const lines = [
    ...new Set(
      errors.map((e) => {
        const missing = e.keyword === 'required' ? String((e.params as { missingProperty: string }).missingProperty) : undefined;
        return `Value at '${memberPath(e.instancePath, missing)}' failed to satisfy constraint: ${constraint(e) ?? e.message}`;
      }),
    ),
  ];
  const n = lines.length;
  return { code: 'ValidationException', message: `${n} validation error${n === 1 ? '' : 's'} detected: ${lines.join('; ')}` };
}
