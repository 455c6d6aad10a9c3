/**
 * The AWS JSON 1.1 wire of CONTRACT.md as one transport-agnostic function, so that msw (in
 * process) and node:http (`serve`) answer byte for byte alike. Also the optional target-control
 * endpoints of CONTRACT.md ("Target control").
 */
import { operationForTarget } from '../specs/index.js';
import type { ServiceError, ServiceResult, TunnelService } from './service.js';

export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}
export type WireHandler = (req: WireRequest) => WireResponse;

/** What the control endpoints act on; absent when a target offers none. */
export interface TargetControl {
  /** Moves the clock forward; returns the new now in epoch seconds. */
  advanceClock(seconds: number): number;
  /** Sets the open-tunnel limit; null restores the target's default. */
  limitOpenTunnels(max: number | null): void;
  reset(): void;
}

export interface WireOptions {
  /** Read on every request: `reset` may replace the service. */
  service(): TunnelService;
  control?: TargetControl;
  requestId(): string;
}

const JSON_11 = 'application/x-amz-json-1.1';

/**
 * What the control endpoints offer wherever a target has them (GET /_conformance/v1/capabilities).
 * A function, not a constant: a fresh object each time, and code that runs per call, where
 * mutation testing can reach it.
 */
export const controlCapabilities = () => ({ clock: true, reset: true, limits: true, dataPlane: true });
const CONTROL = '/_conformance/v1/';

/** An AWS JSON error reply: the code in `__type` and in `x-amzn-errortype`; also used by transports for their own refusals. */
export function errorResponse(e: ServiceError, requestId: string, contentType = JSON_11): WireResponse {
  return {
    status: e.status,
    headers: { 'content-type': contentType, 'x-amzn-RequestId': requestId, 'x-amzn-errortype': e.code },
    body: JSON.stringify({ __type: e.code, message: e.message }),
  };
}

export function createWireHandler(options: WireOptions): WireHandler {
  return (req) => {
    const requestId = options.requestId();
    const reply = (status: number, body: unknown, contentType: string): WireResponse => ({
      status,
      headers: { 'content-type': contentType, 'x-amzn-RequestId': requestId },
      body: JSON.stringify(body),
    });
    const fail = (e: ServiceError, contentType = JSON_11) => errorResponse(e, requestId, contentType);

    const path = req.path.split('?')[0];
    if (path.startsWith(CONTROL)) return control(req.method, path.slice(CONTROL.length), req.body, options.control, reply, fail);
    if (req.method !== 'POST' || path !== '/') {
      return fail({ code: 'UnknownOperationException', status: 404, message: `No operation at ${req.method} ${path}` });
    }
    const target = header(req.headers, 'x-amz-target');
    const op = operationForTarget(target);
    if (!op) return fail({ code: 'UnknownOperationException', status: 400, message: target === undefined ? 'No X-Amz-Target header' : `Unknown X-Amz-Target ${JSON.stringify(target)}` });

    // An empty body counts as `{}` (every member of some inputs is optional). A body that is JSON but
    // not an object is the service's to refuse, as it refuses any value of the wrong type.
    let input: unknown = {};
    if (req.body.trim() !== '') {
      try {
        input = JSON.parse(req.body);
      } catch {
        return fail({ code: 'SerializationException', status: 400, message: 'The request body is not JSON' });
      }
    }
    let result: ServiceResult;
    try {
      result = options.service().call(op, input);
    } catch (e) {
      // A broken service variant must not take the transport down: it is a 500, as a real service's bug would be.
      return fail({ code: 'InternalFailure', status: 500, message: `The service failed: ${(e as Error).message}` });
    }
    return result.ok ? reply(200, result.output, JSON_11) : fail(result.error);
  };
}

function control(
  method: string,
  name: string,
  body: string,
  target: TargetControl | undefined,
  reply: (status: number, body: unknown, contentType: string) => WireResponse,
  fail: (e: ServiceError, contentType?: string) => WireResponse,
): WireResponse {
  const json = 'application/json';
  const notFound = () => fail({ code: 'NotFound', status: 404, message: `No control endpoint ${method} ${CONTROL}${name}` }, json);
  if (!target) return notFound();
  if (method === 'GET' && name === 'capabilities') return reply(200, controlCapabilities(), json);
  if (method === 'POST' && name === 'reset') {
    target.reset();
    return reply(200, {}, json);
  }
  if (method === 'POST' && name === 'clock') {
    const seconds = jsonMember(body, 'advanceSeconds');
    // The clock only moves forward: expiry is "never back" (SF Lifecycle), so rewinding has no meaning.
    // Number.isFinite is false for anything but a finite number, a numeric string included.
    if (!(Number.isFinite(seconds) && (seconds as number) >= 0)) {
      return fail({ code: 'ValidationException', status: 400, message: 'advanceSeconds must be a non-negative number' }, json);
    }
    return reply(200, { now: target.advanceClock(seconds as number) }, json);
  }
  if (method === 'POST' && name === 'limits') {
    const max = jsonMember(body, 'maxOpenTunnels');
    // A limit is a count of tunnels; 0 is meaningful (no OpenTunnel succeeds). Absent is refused: only an explicit null restores.
    if (!(max === null || (Number.isSafeInteger(max) && (max as number) >= 0))) {
      return fail({ code: 'ValidationException', status: 400, message: 'maxOpenTunnels must be a non-negative integer or null' }, json);
    }
    target.limitOpenTunnels(max as number | null);
    return reply(200, { maxOpenTunnels: max }, json);
  }
  return notFound();
}

/** A member of a JSON body; undefined when the body is not JSON or has no such member. */
function jsonMember(body: string, name: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  return (parsed as Record<string, unknown> | null)?.[name];
}

const header = (headers: Record<string, string>, name: string) =>
  Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];

