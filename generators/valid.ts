/**
 * Valid operation inputs: the input shape compiled with boundary bias and the domain options,
 * keeping the cross-member rules a schema cannot say.
 */
import type fc from 'fast-check';
import { inputShape, type OperationName } from '../specs/index.js';
import { SchemaCompiler, type CompileOptions } from './compile.js';
import { domainCompileOptions, keepsCrossMemberRules } from './domain.js';

export type Input = Record<string, unknown>;

export function validInputWith(op: OperationName, options: CompileOptions): fc.Arbitrary<Input> {
  const shape = inputShape(op);
  const arb = new SchemaCompiler(options).shape(shape) as fc.Arbitrary<Input>;
  return arb.filter((input) => keepsCrossMemberRules(shape, input));
}

/**
 * Valid, domain-aware inputs for an operation. Members naming a tunnel (tunnelId, resourceArn)
 * are random valid values: the caller replaces them with a real tunnel's. With `runId`, every
 * thingName is run-scoped (see uniqueThingName).
 */
export const validInput = (op: OperationName, domain: { runId?: string } = {}): fc.Arbitrary<Input> =>
  validInputWith(op, domainCompileOptions({ runId: domain.runId }));
