/**
 * `mock`: the reference implementation served by msw inside the process that runs the checks,
 * reached through the same SDK target as every other implementation. Its data plane is the one
 * socket it opens: the reference's own server on a loopback port (startServer) over the same
 * reference, closed with the target; its control plane is answered there too, but the target's
 * API calls never leave the process (msw answers them), and its control calls go to the
 * reference's wire handler directly.
 */
import { setupServer } from 'msw/node';
import { referenceHandlers } from '../../models/msw.js';
import { createReference } from '../../models/reference.js';
import { startServer } from '../../models/server.js';
import type { DataPlane } from '../../suites/api.js';
import { sdkTarget } from './sdk.js';
import type { Target } from './target.js';

export const MOCK_ENDPOINT = 'http://mock.tunnel-conformance.invalid';

export async function mockTarget(): Promise<Target & { readonly dataPlane: DataPlane }> {
  const reference = createReference();
  const loopback = await startServer({ port: 0, reference });
  const dataPlaneOrigin = loopback.url;
  const server = setupServer(...referenceHandlers(MOCK_ENDPOINT, reference));
  // msw sees the `ws` client's upgrade request as a node:http request: the data plane's own origin
  // passes through to the loopback server, anything else unhandled is still an error.
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).origin !== dataPlaneOrigin) print.error();
    },
  });
  const dataPlane: DataPlane = { url: `${loopback.url.replace(/^http/, 'ws')}/tunnel`, insecure: false };
  // given: the target knows its own data plane, so capabilities() need not probe for it
  const target = sdkTarget({
    kind: 'mock',
    endpoint: MOCK_ENDPOINT,
    transport: 'fetch',
    dataPlane: { ...dataPlane, given: true },
    controlTransport: (method, path, body) => {
      const res = reference.handle({ method, path, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body ?? '' });
      return { status: res.status, text: res.body };
    },
  });
  return {
    ...target,
    kind: 'mock',
    endpoint: 'mock',
    dataPlane,
    async close() {
      await target.close();
      server.close();
      await loopback.close();
    },
  };
}
