/**
 * The tunnel API as a plain HTTPS client calls it (AWS JSON 1.1 over POST /), without verifying
 * the reference's self-signed certificate: what `curl -k` does in docs/usage.md.
 */
import { request } from 'node:https';

/** One operation; resolves to the parsed answer of a 200, rejects with the error body otherwise (10 s bound). */
export function callTunnelApi(baseUrl: string, operation: string, input: object): Promise<any> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL('/', baseUrl),
      {
        method: 'POST',
        rejectUnauthorized: false,
        timeout: 10_000,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `IoTSecuredTunneling.${operation}`,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode === 200) resolve(JSON.parse(text));
          else reject(new Error(`${operation} answered ${res.statusCode}: ${text}`));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${operation}: no answer within 10 s`)));
    req.on('error', reject);
    req.end(body);
  });
}
