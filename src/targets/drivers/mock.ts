/**
 * `mock`: the reference implementation inside the worker that runs the checks. The calling
 * process has no way to reach it, and none is needed: its tunnels end with the worker.
 */
import { controlCapabilities } from '../../../models/wire.js';
import type { TargetDriver } from '../driver.js';
import { EMULATOR } from '../policy.js';

export const mockDriver: TargetDriver<{ kind: 'mock' }> = {
  kind: 'mock',
  syntax: 'mock',
  parse: (text) => (text === 'mock' ? { kind: 'mock' } : undefined),
  format: () => 'mock',
  policy: { ...EMULATOR, callMs: 1 },
  // The reference itself.
  offers: controlCapabilities(),
  sweep: { nothingLeft: 'the mock keeps no tunnels between runs: nothing to sweep' },
  async connect() {
    return { connection: { kind: 'mock' }, capabilities: async () => controlCapabilities(), close: async () => {} };
  },
  // msw is loaded only where the mock runs.
  open: async () => (await import('../mock.js')).mockTarget(),
};
