/**
 * Building blocks for service-level variants: a service whose input validation skips some
 * constraint findings, and the shape of an error answer. Each operation's method is the lower
 * camel case of its name (models/service.ts).
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { inputShape, validateShape, type OperationName } from '../../specs/index.js';
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
