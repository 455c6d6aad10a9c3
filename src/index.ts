/**
 * The library entry: a conformance run as a function call, for test code that holds a client.
 *
 *   const report = await runConformance({ client, profile: 'quick' });
 */
export { runConformance, CannotRun, type RunOptions } from './run/conformance.js';
export type { Report } from '../reports/types.js';
export type { ExpectedFailure } from './run/expect.js';
export type { SendingClient } from './targets/client.js';
export type { Target } from './targets/target.js';
export type { CallResult, Capabilities } from '../suites/api.js';
