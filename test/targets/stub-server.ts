/** A scripted awsJson endpoint on 127.0.0.1 for target tests: each request gets the next reply. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubReply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface StubRequest {
  method: string;
  url: string;
  target: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

export async function startStub(reply: (req: StubRequest, n: number) => StubReply | Promise<StubReply>) {
  const requests: StubRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const r: StubRequest = { method: req.method ?? '', url: req.url ?? '', target: req.headers['x-amz-target'] as string | undefined, headers: req.headers, body: Buffer.concat(chunks).toString() };
    requests.push(r);
    const out = await reply(r, requests.length);
    res.writeHead(out.status, { 'content-type': 'application/x-amz-json-1.1', ...out.headers });
    res.end(out.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
