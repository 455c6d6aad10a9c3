/**
 * The tunnel API and the target-control endpoints as a plain client calls them (AWS JSON 1.1 over
 * POST, no SDK), on http:// or https:// without verifying the certificate (what `curl -k` does in
 * docs/usage.md): for tests that must see the wire answer itself, status included.
 */
import { plainRequest } from '../../src/targets/plain-request.js';

export interface WireAnswer {
  status: number;
  body: any;
}

/** POSTs `input` as JSON to `path` of `base`, with X-Amz-Target when `operation` is given; any status resolves. */
export async function postJson(base: string, path: string, input: unknown, operation?: string): Promise<WireAnswer> {
  const headers = { 'content-type': 'application/x-amz-json-1.1', ...(operation && { 'x-amz-target': `IoTSecuredTunneling.${operation}` }) };
  const { status, text } = await plainRequest(new URL(path, base).href, { method: 'POST', body: JSON.stringify(input), headers, insecure: true });
  try {
    return { status, body: text ? JSON.parse(text) : undefined };
  } catch {
    throw new Error(`${operation ?? path} answered ${status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
}

/** One operation, whatever it answers. */
export const sendTunnelApi = (base: string, operation: string, input: unknown) => postJson(base, '/', input, operation);

/** One operation that must succeed: its answer's body; anything but a 200 rejects with the status, the error type and its message. */
export async function callTunnelApi(base: string, operation: string, input: unknown): Promise<any> {
  const { status, body } = await sendTunnelApi(base, operation, input);
  if (status !== 200) throw new Error(`${operation} answered ${status} ${body?.__type}: ${body?.message ?? JSON.stringify(body)}`);
  return body;
}
