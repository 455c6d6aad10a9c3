import { setupServer } from 'msw/node';
import { referenceHandlers } from '../../models/msw.js';
import { sdkConformance } from './sdk-suite.js';

// In process, as the `mock` target runs: msw intercepts the SDK's node:http requests, no socket.
sdkConformance('msw (in process)', async (reference) => {
  const endpoint = 'http://reference.tunnel-conformance.invalid';
  const server = setupServer(...referenceHandlers(endpoint, reference));
  server.listen({ onUnhandledRequest: 'error' });
  return { endpoint, stop: async () => server.close() };
});
