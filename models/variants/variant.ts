/**
 * A variant of the reference implementation: the whole reference stack (model, wire, clock and
 * reset endpoints, node:http) with one rule broken (`fault`) or one freedom taken (`legitimate`).
 * The break lives in the service (a subclass overriding one method), on the wire (a wrapper
 * around the handler) or in the data plane (behaviour members overridden), so every variant is
 * served by the same `startServer`, data plane included.
 */
import type { DataPlaneBehaviour } from '../dataplane/index.js';
import type { TunnelService, TunnelServiceOptions } from '../service.js';
import type { WireHandler } from '../wire.js';
import { createReference } from '../reference.js';
import { startServer, type RunningServer } from '../server.js';

export type VariantKind = 'fault' | 'legitimate';

export interface Variant {
  /** kebab-case, unique: the row of the kill matrix */
  name: string;
  kind: VariantKind;
  /** the bug it ships (fault) or the freedom it takes (legitimate), and the source line it breaks or uses */
  description: string;
  service?: (options: TunnelServiceOptions) => TunnelService;
  wire?: (inner: WireHandler) => WireHandler;
  /** what the data plane does differently (models/dataplane/behaviour.ts) */
  dataPlane?: Partial<DataPlaneBehaviour>;
}

/**
 * A handler that throws would take the whole server down; a real emulator answers 500, and so
 * does a variant whose broken rule lets an input through that its method cannot handle.
 */
const answering500 =
  (inner: WireHandler): WireHandler =>
  (req) => {
    try {
      return inner(req);
    } catch (e) {
      const message = `internal error: ${(e as Error).message ?? String(e)}`;
      return { status: 500, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'InternalFailure' }, body: JSON.stringify({ __type: 'InternalFailure', message }) };
    }
  };

/** Serves a variant on loopback (port 0: any free port). */
export async function serveVariant(variant: Variant, host = '127.0.0.1'): Promise<RunningServer> {
  const reference = createReference({ service: variant.service });
  const handle = answering500(variant.wire ? variant.wire(reference.handle) : reference.handle);
  return startServer({ host, port: 0, reference: { ...reference, handle }, dataPlane: variant.dataPlane });
}
