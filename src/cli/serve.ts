/**
 * `tunnel-conformance serve`: the reference implementation over HTTP (CONTRACT.md: one line
 * `listening on http://HOST:PORT` once it accepts requests, runs until SIGINT/SIGTERM).
 */
import { startServer } from '../../models/server.js';
import { parse, UsageError } from './args.js';

const HELP = `usage: tunnel-conformance serve [--host 127.0.0.1] [--port 8080]

Serves the reference implementation of IoT Secure Tunneling (AWS JSON 1.1 on POST /) and the
target-control endpoints under /_conformance/v1/. --port 0 picks a free port; the first line on
stdout is "listening on http://HOST:PORT". Stops on SIGINT or SIGTERM.`;

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8080' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`);

  const server = await startServer({ host: values.host, port }).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot listen on ${values.host}:${port}: ${e.code ?? e.message}`);
  });
  console.log(`listening on ${server.url}`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (s: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(s);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  console.error(`tunnel-conformance serve: stopped on ${signal}`);
  return 0;
}
