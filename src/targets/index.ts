/**
 * Target specs (`--target`) and the one factory that turns a resolved connection into a Target.
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import { sdkTarget } from './sdk.js';
import type { Target, TargetKind } from './target.js';

export type TargetSpec =
  | { kind: 'mock' }
  | { kind: 'http'; endpoint: string }
  | { kind: 'aws' }
  /** `port` is the emulator's port inside the container (--container-port) once the run resolved it */
  | { kind: 'container'; image: string; port?: number }
  | { kind: 'module'; path: string };

export class TargetSpecError extends Error {}

/** The emulator's port inside a `container:` target unless --container-port says otherwise. */
export const DEFAULT_CONTAINER_PORT = 8080;

export function parseTargetSpec(text: string): TargetSpec {
  if (text === 'mock') return { kind: 'mock' };
  if (text === 'aws') return { kind: 'aws' };
  if (text.startsWith('container:')) {
    const image = text.slice('container:'.length);
    // [REGISTRY[:PORT]/]NAME[/NAME…][:TAG][@sha256:DIGEST]
    if (!/^(?:[a-z0-9][\w.-]*(?::\d+)?\/)?[a-z0-9][\w.-]*(?:\/[a-z0-9][\w.-]*)*(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$/i.test(image)) throw new TargetSpecError(`malformed container image "${image}"`);
    return { kind: 'container', image };
  }
  if (text.startsWith('module:')) {
    const path = text.slice('module:'.length);
    if (path === '') throw new TargetSpecError('module: needs a path (module:./my-client.ts)');
    return { kind: 'module', path };
  }
  if (/^https?:\/\//.test(text)) {
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
  }
  throw new TargetSpecError(`unknown target "${text}" (mock, http(s)://HOST:PORT, aws, container:IMAGE[:TAG], module:PATH)`);
}

/** As the user would type it: the replay command of every failure is built from it. */
export const formatTargetSpec = (spec: TargetSpec): string =>
  spec.kind === 'http'
    ? spec.endpoint
    : spec.kind === 'container'
      ? `container:${spec.image}${spec.port !== undefined && spec.port !== DEFAULT_CONTAINER_PORT ? ` --container-port ${spec.port}` : ''}`
      : spec.kind === 'module'
        ? `module:${spec.path}`
        : spec.kind;

/**
 * What a worker needs to reach the implementation: plain data (it crosses a process boundary).
 * `module:` and library clients arrive here already bridged to an http endpoint, and a
 * `container:` as the endpoint of the container the calling process started.
 */
export interface Connection {
  kind: TargetKind;
  endpoint?: string;
  region?: string;
  credentials?: AwsCredentialIdentity;
}

export async function createTarget(connection: Connection): Promise<Target> {
  if (connection.kind === 'mock') return (await import('./mock.js')).mockTarget();
  return sdkTarget(connection);
}
