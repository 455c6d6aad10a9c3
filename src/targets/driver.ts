/**
 * A target kind is one driver: everything the run, the plan and the sweep need to know about
 * it, so that they read the driver instead of branching on the kind. The drivers are listed
 * once, in ./index.ts.
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import type { Connection } from './index.js';
import type { TargetPolicy } from './policy.js';
import type { Capabilities } from '../../suites/api.js';
import type { Target } from './target.js';

/** A `--target` that is not well formed (a usage error: exit 2). */
export class TargetSpecError extends Error {}

/** What reaching any target may use, beyond its --target text and its own options. */
export interface CommonTargetOptions {
  /** AWS region the SDK signs for (and on aws resolves the endpoint from) */
  region?: string;
  /** for targets other than `aws`: signing credentials instead of the placeholder ones */
  credentials?: AwsCredentialIdentity;
  /** where the run writes its reports; a driver may write its own logs beside them */
  reportDir?: string;
  /** `--data-endpoint`: the data plane's ws(s):// URL instead of the one beside the endpoint */
  dataEndpoint?: string;
}

/** Command-line flags only one kind accepts: `run` rejects them beside any other target. */
export interface DriverFlags<Options> {
  /** node:util parseArgs options, named without the leading `--`; each takes a value */
  options: Record<string, { type: 'string'; multiple?: boolean }>;
  /** their lines in `run --help` */
  usage: string;
  /** how the refusal names the kind they belong to: "… apply to container: targets only" */
  owner: string;
  /** the values given, as options; throws TargetSpecError on a bad one (never echoing a value) */
  read(values: Record<string, string | string[] | undefined>): Partial<Options>;
}

/** The target as the calling process holds it for one run or sweep. */
export interface Session {
  /** what the worker needs to build its own Target: plain data (it crosses a thread boundary) */
  connection: Connection;
  /** a Target in this process for cleanup and sweep; none when the target lives only in the worker */
  host?: Target;
  /** the target-control endpoints it offers (asked once at the start of a run) */
  capabilities(): Promise<Capabilities>;
  /** Ends all that connect started (bridge, container); rejects when something may be left behind. */
  close(): Promise<void>;
}

/**
 * What `sweep` does for the kind: reach the target again as a run does ('reconnect': it outlives
 * its runs), or say why not: nothing a run opened can outlive it (exit 0), or what is left can no
 * longer be reached (exit 2).
 */
export type SweepPolicy = 'reconnect' | { nothingLeft: string } | { unreachable: string };

export interface TargetDriver<Spec extends { kind: string } = { kind: string }, Options = unknown> {
  readonly kind: Spec['kind'];
  /** its `--target` form for help and error messages, e.g. `container:IMAGE[:TAG]` */
  readonly syntax: string;
  /** the spec when `text` names this kind, else undefined; throws TargetSpecError when it does but is malformed */
  parse(text: string): Spec | undefined;
  /** As the user would type it, with any flags the spec carries: every replay command is built from it. */
  format(spec: Spec): string;
  /** The spec when the options name a target of this kind without any --target text (a client object). */
  fromOptions?(options: Options & CommonTargetOptions): Spec | undefined;
  /** The spec as a run uses it, completed from the options (what its replay command must repeat). */
  complete?(spec: Spec, options: Options & CommonTargetOptions): Spec;
  readonly flags?: DriverFlags<Options>;
  readonly policy: TargetPolicy;
  /** What it offers, where that is known without asking it (for --plan); undefined: only the target can say. */
  readonly offers?: Capabilities;
  readonly sweep: SweepPolicy;
  /** In the calling process: checks the target can be reached (exit 2 if not) and starts what it needs. */
  connect(spec: Spec, options: Options & CommonTargetOptions): Promise<Session>;
  /** In the worker: the Target the checks call. */
  open(connection: Connection): Promise<Target>;
}

/** A Session over a host Target: closing it closes the host, then runs `stop` (a bridge, a container) even if that failed. */
export const hostSession = (connection: Connection, host: Target, stop: () => Promise<void> = async () => {}): Session => ({
  connection,
  host,
  capabilities: () => host.capabilities(),
  async close() {
    try {
      await host.close();
    } finally {
      await stop();
    }
  },
});
