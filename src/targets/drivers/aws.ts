/** `aws`: the real service, with the credentials and region of the standard AWS chain. */
import type { Connection } from '../index.js';
import { hostSession, type TargetDriver } from '../driver.js';
import { REAL_ACCOUNT, type TargetPolicy } from '../policy.js';
import { resolveAws } from '../preflight.js';
import { sdkTarget } from '../sdk.js';

const policy: TargetPolicy = { ...REAL_ACCOUNT, callMs: 150 };
const target = (connection: Connection) => sdkTarget({ ...connection, realAccount: policy.realAccount });

export const awsDriver: TargetDriver<{ kind: 'aws' }> = {
  kind: 'aws',
  syntax: 'aws',
  parse: (text) => (text === 'aws' ? { kind: 'aws' } : undefined),
  format: () => 'aws',
  policy,
  sweep: 'reconnect',
  async connect(_spec, options) {
    const { region } = await resolveAws(options.region);
    const connection: Connection = { kind: 'aws', region };
    return hostSession(connection, target(connection));
  },
  open: async (connection) => target(connection),
};
