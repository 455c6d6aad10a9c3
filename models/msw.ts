/**
 * The reference's wire handler as msw request handlers, for the in-process `mock` target:
 * `setupServer(...referenceHandlers(baseUrl, reference))` from `msw/node` answers the SDK's
 * node:http requests to `baseUrl` without opening a socket.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Reference } from './reference.js';

export function referenceHandlers(baseUrl: string, reference: Pick<Reference, 'handle'>): HttpHandler[] {
  const origin = new URL(baseUrl).origin;
  return [
    http.all(`${origin}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const res = reference.handle({
        method: request.method,
        path: url.pathname + url.search,
        headers: Object.fromEntries(request.headers),
        body: await request.text(),
      });
      return new HttpResponse(res.body, { status: res.status, headers: res.headers });
    }),
  ];
}
