/**
 * The tunnel API and the target-control endpoints as a plain client calls them (AWS JSON 1.1 over
 * POST, no SDK), on http:// or https:// without verifying the certificate (what `curl -k` does in
 * docs/usage.md): for tests that must see the wire answer itself, status included.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface WireAnswer {
  status: number;
  body: any;
}

/** how long the socket may stay silent before the request is abandoned */
const SILENCE_MS = 10_000;

/** POSTs `input` as JSON to `path` of `base`, with X-Amz-Target when `operation` is given; any status resolves. */
export function postJson(base: string, path: string, input: unknown, operation?: string): Promise<WireAnswer> {
  const body = JSON.stringify(input);
  const url = new URL(path, base);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        rejectUnauthorized: false,
        timeout: SILENCE_MS,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          ...(operation && { 'x-amz-target': `IoTSecuredTunneling.${operation}` }),
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined });
          } catch {
            reject(new Error(`${operation ?? path} answered ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${operation ?? path}: nothing heard for ${SILENCE_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** One operation, whatever it answers. */
export const sendTunnelApi = (base: string, operation: string, input: unknown) => postJson(base, '/', input, operation);

/** One operation that must succeed: its answer's body; anything but a 200 rejects with the status, the error type and its message. */
export async function callTunnelApi(base: string, operation: string, input: unknown): Promise<any> {
  const { status, body } = await sendTunnelApi(base, operation, input);
  if (status !== 200) throw new Error(`${operation} answered ${status} ${body?.__type}: ${body?.message ?? JSON.stringify(body)}`);
  return body;
}
