/**
 * One HTTP request over node:http(s), on the default keep-alive agent, abandoned after 10 s of
 * silence: the target-control calls, which need neither the SDK nor fetch (fetch costs several
 * times the CPU, and refuses a loopback emulator's self-signed certificate, which `insecure` accepts).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PlainAnswer {
  status: number;
  text: string;
}

export interface PlainRequest {
  method: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  insecure?: boolean;
}

const SILENCE_MS = 10_000;

export function plainRequest(url: string, { method, body, headers = {}, insecure = false }: PlainRequest): Promise<PlainAnswer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method, timeout: SILENCE_MS, ...(insecure && { rejectUnauthorized: false }), headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 500, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${SILENCE_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
