/**
 * `tunnel-conformance <command>`: dispatch only. Each command lives in its own module, loaded
 * on demand so that `serve` does not pay for vitest and `run --plan` does not pay for the SDK.
 */
import { UsageError } from './args.js';

const HELP = `tunnel-conformance: conformance suite for the AWS IoT Secure Tunneling API

usage:
  tunnel-conformance run    [--target T] [--report-dir DIR] [--profile quick|standard|full]
                            [--seed N] [--only IDS] [--skip IDS] [--expect FILE]
                            [--region R] [--max-tunnels N] [--plan]
  tunnel-conformance serve  [--host 127.0.0.1] [--port N] [--tls]
  tunnel-conformance sweep  --target T [--run-id ID | --report-dir DIR]
  tunnel-conformance report diff A.json B.json

  tunnel-conformance <command> --help   for a command's options
exit status: 0 passed, 1 a check failed, 2 the run could not be carried out`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run.js')).runCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  sweep: async () => (await import('./sweep.js')).sweepCommand,
  report: async () => (await import('./report.js')).reportCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  try {
    const load = commands[name];
    if (!load) throw new UsageError(`unknown command "${name}" (run, serve, sweep, report)`);
    return await (await load())(rest);
  } catch (e) {
    if (e instanceof UsageError) console.error(`tunnel-conformance ${name}: ${e.message}`);
    else console.error(`tunnel-conformance ${name}: internal error: ${(e as Error).message?.split('\n')[0] ?? e}`);
    return 2;
  }
}
