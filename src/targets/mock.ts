/**
 * `mock`: the reference implementation served by msw inside the process that runs the checks,
 * reached through the same SDK target as every other implementation (no socket is opened).
 */
import { setupServer } from 'msw/node';
import { referenceHandlers } from '../../models/msw.js';
import { createReference } from '../../models/reference.js';
import { sdkTarget } from './sdk.js';
import type { Target } from './target.js';

export const MOCK_ENDPOINT = 'http://mock.tunnel-conformance.invalid';

export function mockTarget(): Target {
  const server = setupServer(...referenceHandlers(MOCK_ENDPOINT, createReference()));
  server.listen({ onUnhandledRequest: 'error' });
  const target = sdkTarget({ kind: 'mock', endpoint: MOCK_ENDPOINT, transport: 'fetch' });
  return {
    ...target,
    kind: 'mock',
    endpoint: 'mock',
    async close() {
      await target.close();
      server.close();
    },
  };
}
