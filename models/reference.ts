/**
 * The reference implementation: the model given real time (plus an offset that the clock
 * endpoint advances), random UUID ids and random tokens, behind the wire handler. A variant (a
 * subclass of TunnelService that breaks one rule) reuses the whole stack through `service`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { TunnelService, type TunnelServiceOptions } from './service.js';
import { createWireHandler, type WireHandler } from './wire.js';

export interface ReferenceOptions {
  region?: string;
  account?: string;
  maxOpenTunnels?: number;
  /** Builds the service, at start and on every reset; defaults to the faithful model. */
  service?: (options: TunnelServiceOptions) => TunnelService;
}

export interface Reference {
  readonly handle: WireHandler;
  /** The current service (a reset replaces it). */
  service(): TunnelService;
  /** epoch ms, as the service sees it */
  now(): number;
  /** Moves the service's clock forward; returns the new now in epoch seconds. */
  advanceClock(seconds: number): number;
  /** The limits control: the current service's open-tunnel limit; null restores the default (`maxOpenTunnels`, or none). */
  limitOpenTunnels(max: number | null): void;
  /** A fresh service: no tunnels, and the default limit again. */
  reset(): void;
  /**
   * Calls `listener` before and after every request handled, and after each clock advance and reset: the data plane re-checks
   * its live connections then (a CloseTunnel, a rotation or an expiry closes sockets promptly).
   * Returns the unsubscribe function.
   */
  onChange(listener: () => void): () => void;
}

export function createReference(options: ReferenceOptions = {}): Reference {
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;
  const serviceOptions: TunnelServiceOptions = {
    now,
    newId: randomUUID,
    newToken: () => randomBytes(48).toString('base64url'),
    region: options.region,
    account: options.account,
    maxOpenTunnels: options.maxOpenTunnels,
  };
  const build = options.service ?? ((o: TunnelServiceOptions) => new TunnelService(o));
  let service = build(serviceOptions);

  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of [...listeners]) l();
  };
  const advanceClock = (seconds: number) => {
    offsetMs += seconds * 1000;
    changed();
    return now() / 1000;
  };
  const reset = () => {
    service = build(serviceOptions);
    changed();
  };
  const limitOpenTunnels = (max: number | null) => service.limitOpenTunnels(max);
  const wire = createWireHandler({ service: () => service, control: { advanceClock, limitOpenTunnels, reset }, requestId: randomUUID });
  return {
    handle: (req) => {
      // Before too: time alone may have ended a tunnel since the last notice (real-time expiry),
      // and the data plane must close its connections before a request can see it CLOSED and
      // still CONNECTED.
      changed();
      const res = wire(req);
      changed();
      return res;
    },
    service: () => service,
    now,
    advanceClock,
    limitOpenTunnels,
    reset,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
