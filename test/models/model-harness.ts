/**
 * A TunnelService on an injected clock with predictable ids and tokens, for the unit rules of the
 * model. `ok` also checks every answer against the derived output shape, so every rule test is a
 * shape test too.
 */
import { expect } from 'vitest';
import { outputShape, validateShape, type OperationName } from '../../specs/index.js';
import { TunnelService, type ServiceError, type TunnelServiceOptions } from '../../models/service.js';

export const T0 = Date.UTC(2026, 0, 1);
export const MINUTE = 60_000;

export function harness(options: Partial<TunnelServiceOptions> = {}) {
  let now = T0;
  let ids = 0;
  let tokens = 0;
  const service = new TunnelService({
    now: () => now,
    newId: () => `tunnel-${String(++ids).padStart(4, '0')}`,
    newToken: () => `token-${++tokens}`,
    ...options,
  });
  const ok = (op: OperationName, input: unknown) => {
    const r = service.call(op, input);
    if (!r.ok) throw new Error(`${op} failed: ${r.error.code} ${r.error.message}`);
    expect(validateShape(outputShape(op), r.output)).toEqual([]);
    return r.output as Record<string, any>;
  };
  const err = (op: OperationName, input: unknown): ServiceError => {
    const r = service.call(op, input);
    if (r.ok) throw new Error(`${op} succeeded, an error was expected`);
    return r.error;
  };
  return {
    service,
    ok,
    err,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
    open: (input: Record<string, unknown> = {}) => ok('OpenTunnel', input) as { tunnelId: string; tunnelArn: string; sourceAccessToken: string; destinationAccessToken: string },
    describe: (tunnelId: string) => ok('DescribeTunnel', { tunnelId }).tunnel as Record<string, any>,
  };
}
