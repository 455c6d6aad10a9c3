/**
 * `tunnel-conformance run` options: parsed and validated up front, so bad input is one line and
 * exit 2 before anything starts.
 */
import { parse, UsageError } from './args.js';
import type { Profile } from '../../suites/api.js';
import { parseTargetSpec, TargetSpecError, type TargetSpec } from '../targets/index.js';
import type { RunOptions } from '../run/conformance.js';
import { profiles } from '../run/profile.js';

export const RUN_USAGE = `usage: tunnel-conformance run [options]
  --target T          mock (default) | http(s)://HOST:PORT | aws | container:IMAGE[:TAG] | module:PATH
  --container-port N  container: the port the emulator listens on inside the image (default 8080)
  --container-env K=V container: an environment variable for the emulator; repeatable
  --profile P         quick | standard (default) | full
  --seed N            makes the run reproducible (default: random, always printed)
  --only IDS          comma-separated check ids or globs (LIST-*)
  --skip IDS          comma-separated check ids or globs
  --expect FILE       JSON or YAML list of {id, reason}: known failures that do not fail the run
  --region R          AWS region (aws target; default from the AWS config chain)
  --max-tunnels N     tunnels the run may open (default 25 on aws, unlimited elsewhere)
  --plan              print the selected checks, maximum tunnels and calls, estimated duration; call nothing
  --report-dir DIR    where report.json, junit.xml, report.html and the tunnel ledger go
                      (default ./tunnel-conformance-report)
exit status: 0 passed, 1 a check failed, 2 the run could not be carried out`;

const spec = {
  target: { type: 'string' },
  profile: { type: 'string' },
  seed: { type: 'string' },
  only: { type: 'string' },
  skip: { type: 'string' },
  expect: { type: 'string' },
  region: { type: 'string' },
  'max-tunnels': { type: 'string' },
  'container-port': { type: 'string' },
  'container-env': { type: 'string', multiple: true },
  plan: { type: 'boolean' },
  'report-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface RunArgs {
  help: boolean;
  plan: boolean;
  options: RunOptions;
}

const integer = (flag: string, text: string, min: number, max: number) => {
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`${flag} must be an integer in ${min}..${max}, got "${text}"`);
  return Number(text);
};

/** `K=V` pairs; a key is what a shell could export, the value anything (also empty or with `=`). */
function environment(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (!m) throw new UsageError(`--container-env must be KEY=VALUE, got "${pair.split('=')[0]}="`);
    env[m[1]] = m[2];
  }
  return env;
}

function containerOptions(target: TargetSpec, port: string | undefined, env: string[] | undefined): Pick<RunOptions, 'containerPort' | 'containerEnv'> {
  if (target.kind !== 'container') {
    if (port !== undefined || env !== undefined) throw new UsageError('--container-port and --container-env apply to container: targets only');
    return {};
  }
  return { containerPort: port === undefined ? undefined : integer('--container-port', port, 1, 65535), containerEnv: env === undefined ? undefined : environment(env) };
}

export function parseRunArgs(args: string[]): RunArgs {
  const { values } = parse(args, spec);
  const profile = values.profile ?? 'standard';
  if (!(profiles as string[]).includes(profile)) throw new UsageError(`unknown profile "${profile}" (${profiles.join(', ')})`);
  const target = values.target ?? 'mock';
  let targetSpec: TargetSpec;
  try {
    targetSpec = parseTargetSpec(target);
  } catch (e) {
    if (e instanceof TargetSpecError) throw new UsageError(e.message);
    throw e;
  }
  return {
    help: values.help ?? false,
    plan: values.plan ?? false,
    options: {
      target,
      profile: profile as Profile,
      seed: values.seed === undefined ? undefined : integer('--seed', values.seed, -(2 ** 31), 2 ** 31 - 1),
      only: values.only,
      skip: values.skip,
      expect: values.expect,
      region: values.region,
      maxTunnels: values['max-tunnels'] === undefined ? undefined : integer('--max-tunnels', values['max-tunnels'], 1, 1_000_000),
      reportDir: values['report-dir'],
      ...containerOptions(targetSpec, values['container-port'], values['container-env']),
    },
  };
}
