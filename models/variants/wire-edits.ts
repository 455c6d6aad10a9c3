/**
 * Building blocks for wire-level variants: find the operation a request names, and rewrite a
 * successful answer's JSON. Control endpoints (/_conformance/v1/…) always pass through untouched.
 */
import { operationForTarget, type OperationName } from '../../specs/index.js';
import type { WireHandler, WireRequest, WireResponse } from '../wire.js';

/** The operation of an AWS JSON request; undefined for control endpoints and anything else. */
export function operationOf(req: WireRequest): OperationName | undefined {
  if (req.method !== 'POST' || req.path.split('?')[0] !== '/') return undefined;
  const target = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'x-amz-target')?.[1];
  return target === undefined ? undefined : operationForTarget(target);
}

export type Json = Record<string, unknown>;

/** Rewrites the JSON body of every 2xx answer to an operation (all operations when `ops` is omitted). */
export const editOutput =
  (edit: (output: Json, op: OperationName, req: WireRequest) => Json, ops?: OperationName[]) =>
  (inner: WireHandler): WireHandler =>
  (req) => {
    const res = inner(req);
    const op = operationOf(req);
    if (!op || (ops && !ops.includes(op)) || res.status < 200 || res.status > 299) return res;
    return { ...res, body: JSON.stringify(edit(JSON.parse(res.body) as Json, op, req)) };
  };

/** Applies `fn` to every value under a member named `key`, at any depth. */
export function mapMembers(value: unknown, key: string, fn: (v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapMembers(v, key, fn));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === key ? fn(mapMembers(v, key, fn)) : mapMembers(v, key, fn)]));
}

export const errorReply = (res: Pick<WireResponse, 'headers'>, status: number, code: string, message: string): WireResponse => ({
  status,
  headers: { ...res.headers, 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code },
  body: JSON.stringify({ __type: code, message }),
});
