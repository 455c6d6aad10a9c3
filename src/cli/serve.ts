/**
 * `tunnel-conformance serve`: the reference implementation over HTTP, or HTTPS with `--tls`
 * (CONTRACT.md: one line `listening on http(s)://HOST:PORT` once it accepts requests, runs until
 * SIGINT/SIGTERM).
 */
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { TlsCredentials } from '../../models/certificate.js';
import { startServer } from '../../models/server.js';
import { parse, UsageError } from './args.js';

const HELP = `usage: tunnel-conformance serve [--host 127.0.0.1] [--port 8080]
                                [--tls | --tls-cert FILE --tls-key FILE]

Serves the reference implementation of IoT Secure Tunneling (AWS JSON 1.1 on POST /) and the
target-control endpoints under /_conformance/v1/; the data plane (the localproxy WebSocket proxy)
is at /tunnel on the same port. --port 0 picks a free port; the first line on stdout is
"listening on http://HOST:PORT". Stops on SIGINT or SIGTERM.

  --tls                 serve over HTTPS (and WSS) with a self-signed certificate generated at
                        start for localhost, 127.0.0.1 and ::1, valid for a day, kept in memory
                        only; clients must skip verification (the AWS local proxy's -k, curl's -k,
                        the AWS CLI's --no-verify-ssl). The line then reads "listening on https://…".
  --tls-cert FILE       serve over HTTPS with this PEM certificate (chain) instead
  --tls-key FILE        and this PEM private key (both or neither)`;

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8080' },
    tls: { type: 'boolean' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  const tls = await tlsCredentials(values);

  const server = await startServer({ host: values.host, port, tls }).catch((e: NodeJS.ErrnoException) => {
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

/** The user's certificate and key, a generated pair with `--tls`, or none (plain HTTP). */
async function tlsCredentials(values: { tls?: boolean; 'tls-cert'?: string; 'tls-key'?: string }): Promise<TlsCredentials | undefined> {
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  if (certFile === undefined || keyFile === undefined) {
    // Loaded for --tls only: importing the certificate library would be about half of every plain start.
    return values.tls ? (await import('../../models/certificate.js')).selfSignedCertificate() : undefined;
  }
  const read = (flag: string, file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`${flag} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  };
  const credentials = { cert: read('--tls-cert', certFile), key: read('--tls-key', keyFile) };
  // Checked here so that a bad pair is named as such, not reported as a failure to listen.
  try {
    createSecureContext(credentials);
  } catch (e) {
    throw new UsageError(`--tls-cert/--tls-key: ${(e as Error).message.split('\n')[0]}`);
  }
  return credentials;
}
