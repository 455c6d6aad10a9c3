/**
 * `module:PATH`, and a client object handed to `runConformance`: an SDK-level implementation.
 * The calling process calls it directly; the worker, which cannot receive objects, reaches it
 * through a loopback bridge speaking the wire protocol.
 */
import { clientTarget, loadClientModule, startClientBridge, type SendingClient } from '../client.js';
import { hostSession, TargetSpecError, type TargetDriver } from '../driver.js';
import { EMULATOR } from '../policy.js';
import { NO_CAPABILITIES, sdkTarget } from '../sdk.js';

export interface ModuleOptions {
  /** an SDK-level implementation (anything with `send(command)`), e.g. an aws-sdk-client-mock'ed client */
  client?: SendingClient;
}

/** The `module:` path a run handed a client object reports; no command line reaches that object. */
export const CLIENT_OBJECT_PATH = '<client object>';

export const moduleDriver: TargetDriver<{ kind: 'module'; path: string }, ModuleOptions> = {
  kind: 'module',
  syntax: 'module:PATH',
  parse(text) {
    if (!text.startsWith('module:')) return undefined;
    const path = text.slice('module:'.length);
    if (path === '') throw new TargetSpecError('module: needs a path (module:./my-client.ts)');
    return { kind: 'module', path };
  },
  format: (spec) => `module:${spec.path}`,
  fromOptions: (options) => (options.client ? { kind: 'module', path: CLIENT_OBJECT_PATH } : undefined),
  policy: { ...EMULATOR, callMs: 1 },
  // An SDK-level client has no HTTP layer to offer controls on.
  offers: NO_CAPABILITIES,
  sweep: 'reconnect',
  async connect(spec, options) {
    const client = options.client ?? (await loadClientModule(spec.path));
    const bridge = await startClientBridge(client);
    return hostSession({ kind: 'module', endpoint: bridge.endpoint }, clientTarget(client, moduleDriver.format(spec)), () => bridge.close());
  },
  open: async (connection) => sdkTarget(connection),
};
