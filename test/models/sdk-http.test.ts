import { startServer } from '../../models/server.js';
import { sdkConformance } from './sdk-suite.js';

// Over a real socket on the loopback, as `tunnel-conformance serve` runs.
sdkConformance('node:http (127.0.0.1)', async (reference) => {
  const server = await startServer({ host: '127.0.0.1', port: 0, reference });
  return { endpoint: server.url, stop: () => server.close() };
});
