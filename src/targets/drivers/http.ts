/** `http(s)://HOST:PORT`: any implementation speaking the wire protocol, already running. */
import { hostSession, TargetSpecError, type TargetDriver } from '../driver.js';
import { EMULATOR } from '../policy.js';
import { assertReachable } from '../preflight.js';
import { sdkTarget } from '../sdk.js';
import { dataPlaneBeside } from '../dataplane.js';

export const httpDriver: TargetDriver<{ kind: 'http'; endpoint: string }> = {
  kind: 'http',
  syntax: 'http(s)://HOST:PORT',
  parse(text) {
    if (!/^https?:\/\//.test(text)) return undefined;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new TargetSpecError(`malformed target URL "${text}"`);
    }
    if (!url.port || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
      throw new TargetSpecError(`target URL must be http(s)://HOST:PORT, got "${text}"`);
    }
    return { kind: 'http', endpoint: `${url.protocol}//${url.host}` };
  },
  format: (spec) => spec.endpoint,
  policy: { ...EMULATOR, callMs: 5 },
  sweep: 'reconnect',
  async connect(spec, options) {
    await assertReachable(spec.endpoint);
    const connection = { kind: 'http' as const, endpoint: spec.endpoint, region: options.region, credentials: options.credentials, dataPlane: dataPlaneBeside(spec.endpoint, options.dataEndpoint) };
    return hostSession(connection, sdkTarget(connection));
  },
  open: async (connection) => sdkTarget(connection),
};
