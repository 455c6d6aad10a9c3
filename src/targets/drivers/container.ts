/**
 * `container:IMAGE[:TAG]`: an emulator image the run starts in the calling process (the worker
 * only ever sees its URL), tests as an http target, then stops and removes.
 */
import { join } from 'node:path';
import type { Connection } from '../index.js';
import { hostSession, TargetSpecError, type TargetDriver } from '../driver.js';
import { EMULATOR } from '../policy.js';
import { sdkTarget } from '../sdk.js';
import { dataPlaneBeside } from '../dataplane.js';

/** The emulator's port inside a `container:` target unless --container-port says otherwise. */
export const DEFAULT_CONTAINER_PORT = 8080;

export interface ContainerOptions {
  /** the port the emulator listens on inside the image (default 8080) */
  containerPort?: number;
  /** the emulator's environment */
  containerEnv?: Record<string, string>;
}

/** `port` is the emulator's port inside the container once the run resolved it (--container-port). */
type ContainerSpec = { kind: 'container'; image: string; port?: number };

// [REGISTRY[:PORT]/]NAME[/NAME…][:TAG][@sha256:DIGEST]
const IMAGE = /^(?:[a-z0-9][\w.-]*(?::\d+)?\/)?[a-z0-9][\w.-]*(?:\/[a-z0-9][\w.-]*)*(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$/i;

function port(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) throw new TargetSpecError(`--container-port must be an integer in 1..65535, got "${text}"`);
  return Number(text);
}

/** `K=V` pairs; a key is what a shell could export, the value anything (also empty or with `=`). */
function environment(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (!m) throw new TargetSpecError(`--container-env must be KEY=VALUE, got "${pair.split('=')[0]}="`);
    env[m[1]] = m[2];
  }
  return env;
}

export const containerDriver: TargetDriver<ContainerSpec, ContainerOptions> = {
  kind: 'container',
  syntax: 'container:IMAGE[:TAG]',
  parse(text) {
    if (!text.startsWith('container:')) return undefined;
    const image = text.slice('container:'.length);
    if (!IMAGE.test(image)) throw new TargetSpecError(`malformed container image "${image}"`);
    return { kind: 'container', image };
  },
  format: (spec) => `container:${spec.image}${spec.port !== undefined && spec.port !== DEFAULT_CONTAINER_PORT ? ` --container-port ${spec.port}` : ''}`,
  complete: (spec, options) => ({ ...spec, port: options.containerPort ?? DEFAULT_CONTAINER_PORT }),
  flags: {
    options: { 'container-port': { type: 'string' }, 'container-env': { type: 'string', multiple: true } },
    usage: `  --container-port N  container: the port the emulator listens on inside the image (default ${DEFAULT_CONTAINER_PORT})
  --container-env K=V container: an environment variable for the emulator; repeatable`,
    owner: 'container:',
    read: (values) => ({
      containerPort: typeof values['container-port'] === 'string' ? port(values['container-port']) : undefined,
      containerEnv: Array.isArray(values['container-env']) ? environment(values['container-env']) : undefined,
    }),
  },
  policy: { ...EMULATOR, callMs: 5 },
  // Only a run starts one, and removes it with every tunnel in it.
  sweep: { unreachable: 'a container: target lives only as long as its run; there is nothing to reach afterwards' },
  async connect(spec, options) {
    // testcontainers is loaded only when a container is started.
    const { startContainer, CONTAINER_LOG } = await import('../container.js');
    const settings = { image: spec.image, port: spec.port ?? DEFAULT_CONTAINER_PORT, env: options.containerEnv ?? {} };
    const container = await startContainer(settings, join(options.reportDir ?? '.', CONTAINER_LOG));
    const connection: Connection = {
      kind: 'container',
      endpoint: container.endpoint,
      region: options.region,
      credentials: options.credentials,
      // the image's own port is mapped: its data plane is beside its API on the mapped port
      dataPlane: dataPlaneBeside(container.endpoint, options.dataEndpoint),
    };
    // Also after a signal: the checks are cancelled, the removal is not.
    return hostSession(connection, sdkTarget(connection), () => container.stop());
  },
  open: async (connection) => sdkTarget(connection),
};
