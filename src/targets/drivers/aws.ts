/**
 * `aws`: the real service, with the credentials and region of the standard AWS chain; or, with
 * `--endpoint-url` (or the SDK's own AWS_ENDPOINT_URL_IOTSECURETUNNELING / AWS_ENDPOINT_URL),
 * the same real-account run against another endpoint: a VPC or FIPS endpoint, a proxy, or an
 * emulator that should be judged exactly as AWS would be.
 */
import type { Connection } from '../index.js';
import { hostSession, TargetSpecError, type TargetDriver } from '../driver.js';
import { REAL_ACCOUNT, type TargetPolicy } from '../policy.js';
import { assertReachable, resolveAws } from '../preflight.js';
import { NO_CAPABILITIES, sdkTarget } from '../sdk.js';
import { awsDataPlane } from '../dataplane.js';

export interface AwsOptions {
  /** aws: the endpoint the SDK sends to instead of the region's (undefined: the SDK's own settings decide) */
  endpointUrl?: string;
}

/** `endpoint` is --endpoint-url once the run resolved it: replay commands must send to it too. */
type AwsSpec = { kind: 'aws'; endpoint?: string };

const policy: TargetPolicy = { ...REAL_ACCOUNT, callMs: 150 };
const target = (connection: Connection) => sdkTarget({ ...connection, realAccount: policy.realAccount });

function endpointUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) throw new TargetSpecError(`--endpoint-url must be an http(s) URL, got "${text}"`);
  return text;
}

export const awsDriver: TargetDriver<AwsSpec, AwsOptions> = {
  kind: 'aws',
  syntax: 'aws',
  parse: (text) => (text === 'aws' ? { kind: 'aws' } : undefined),
  format: (spec) => (spec.endpoint === undefined ? 'aws' : `aws --endpoint-url ${spec.endpoint}`),
  complete: (spec, options) => (options.endpointUrl === undefined ? spec : { ...spec, endpoint: options.endpointUrl }),
  flags: {
    options: { 'endpoint-url': { type: 'string' } },
    usage: '  --endpoint-url URL  aws: the same real-account run against another endpoint (default: the SDK\'s\n                      AWS_ENDPOINT_URL_IOTSECURETUNNELING / AWS_ENDPOINT_URL, else the region\'s)',
    owner: 'aws',
    read: (values) => ({ endpointUrl: typeof values['endpoint-url'] === 'string' ? endpointUrl(values['endpoint-url']) : undefined }),
  },
  policy,
  // Real-account rules: no control is ever asked for, whatever the endpoint; the service has a data plane.
  offers: { ...NO_CAPABILITIES, dataPlane: true },
  sweep: 'reconnect',
  async connect(spec, options) {
    const { region } = await resolveAws(options.region);
    // A mistyped endpoint is "could not run", not a wall of failed checks.
    if (spec.endpoint !== undefined) await assertReachable(spec.endpoint);
    const connection: Connection = { kind: 'aws', region, endpoint: spec.endpoint, dataPlane: awsDataPlane(region, options.dataEndpoint) };
    return hostSession(connection, target(connection));
  },
  open: async (connection) => target(connection),
};
