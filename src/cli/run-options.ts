/**
 * `tunnel-conformance run` options: parsed and validated up front, so bad input is one line and
 * exit 2 before anything starts.
 */
import { parse, UsageError } from './args.js';
import type { Profile } from '../../suites/api.js';
import { dataEndpointUrl } from '../targets/dataplane.js';
import { DEFAULT_TARGET, drivers, parseTargetSpec, readTargetFlags, targetFlagOptions, TargetSpecError } from '../targets/index.js';
import type { RunOptions } from '../run/conformance.js';
import { profiles } from '../run/profile.js';

const budgets = drivers.flatMap((d) => (d.policy.maxTunnels === undefined ? [] : [`${profiles.map((p) => d.policy.maxTunnels![p]).join('/')} on ${d.syntax}`]));

export const RUN_USAGE = `usage: tunnel-conformance run [options]
  --target T          ${drivers.map((d) => (d.syntax === DEFAULT_TARGET ? `${d.syntax} (default)` : d.syntax)).join(' | ')}
${drivers.flatMap((d) => (d.flags ? [d.flags.usage] : [])).join('\n')}
  --data-endpoint URL the target's data plane (ws:// or wss://…/tunnel) instead of the one beside it:
                      ws(s)://HOST:PORT/tunnel for http(s)://HOST:PORT and container:, the region's for aws
  --profile P         quick | standard (default) | full
  --seed N            makes the run reproducible (default: random, always printed)
  --only IDS          comma-separated check ids or globs (LIST-*)
  --skip IDS          comma-separated check ids or globs
  --expect FILE       JSON or YAML list of {id, reason}: known failures that do not fail the run
  --region R          AWS region (aws target; default from the AWS config chain)
  --path P            with --only ID and --seed N: replay that check's shrunk case (printed in replay commands)
  --max-tunnels N     tunnels the run may open (default ${budgets.join(', ')} for quick/standard/full,
                      unlimited elsewhere); a selection needing more does not start (exit 2)
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
  'data-endpoint': { type: 'string' },
  'max-tunnels': { type: 'string' },
  path: { type: 'string' },
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

/** fast-check's path (run indexes separated by colons), and for a command sequence its command log after `@`, as replay commands print it. */
function fcPath(text: string): string {
  if (!/^\d+(:\d+)*(@[A-Za-z0-9+/]*:[A-Za-z0-9+/]*)?$/.test(text)) throw new UsageError(`--path must be a path as a replay command prints it (numbers separated by colons, e.g. 3:0:1, maybe followed by @ and a command log), got "${text}"`);
  return text;
}

/** A `--target` or a target flag's value that is not well formed. */
function usage<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof TargetSpecError) throw new UsageError(e.message);
    throw e;
  }
}

export function parseRunArgs(args: string[]): RunArgs {
  // Every driver's flags are parsed; only the target's own driver accepts its flags.
  const { values } = parse(args, { ...targetFlagOptions, ...spec });
  const profile = values.profile ?? 'standard';
  if (!(profiles as string[]).includes(profile)) throw new UsageError(`unknown profile "${profile}" (${profiles.join(', ')})`);
  const target = values.target ?? DEFAULT_TARGET;
  const targetSpec = usage(() => parseTargetSpec(target));
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
      ...(values['data-endpoint'] !== undefined && { dataEndpoint: usage(() => dataEndpointUrl(values['data-endpoint']!)) }),
      ...(values.path !== undefined && { path: fcPath(values.path) }),
      maxTunnels: values['max-tunnels'] === undefined ? undefined : integer('--max-tunnels', values['max-tunnels'], 1, 1_000_000),
      reportDir: values['report-dir'],
      ...usage(() => readTargetFlags(targetSpec, values)),
    },
  };
}
