/**
 * Before any check runs: can the target be reached at all? An unreachable endpoint or missing
 * AWS credentials is "could not run" (exit 2) with one line that names the cause, not a wall
 * of failed checks.
 */
import { connect } from 'node:net';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { NODE_REGION_CONFIG_FILE_OPTIONS, NODE_REGION_CONFIG_OPTIONS } from '@smithy/config-resolver';
import { loadConfig } from '@smithy/node-config-provider';

export class PreflightError extends Error {}

export const REACH_TIMEOUT_MS = 10_000;

/** Opens (and drops) one TCP connection to the endpoint's address. */
export async function assertReachable(endpoint: string, timeoutMs = REACH_TIMEOUT_MS): Promise<void> {
  const url = new URL(endpoint);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (why: string) => {
      socket.destroy();
      reject(new PreflightError(`target ${url.host} is unreachable: ${why}`));
    };
    socket.setTimeout(timeoutMs, () => fail(`no connection within ${timeoutMs / 1000} s`));
    socket.once('error', (e: NodeJS.ErrnoException) => fail(e.code ?? e.message));
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
  });
}

/** `aws`: the region (--region, else the SDK's env/config chain) and credentials from the standard chain. */
export async function resolveAws(region: string | undefined): Promise<{ region: string }> {
  const resolved = region ?? (await loadConfig(NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS)().catch(() => undefined));
  if (!resolved) throw new PreflightError('no AWS region: pass --region or set AWS_REGION');
  try {
    await defaultProvider()();
  } catch (e) {
    throw new PreflightError(`no AWS credentials from the standard chain: ${(e as Error).message.split('\n')[0]}`);
  }
  return { region: resolved };
}
