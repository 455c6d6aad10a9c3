/**
 * The AWS IoT Secure Tunneling local proxy (the real C++ client of the data plane) as a child
 * process of a test: where the binary is, how to start one side, what it printed (tokens
 * redacted), and stopping it whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where .ci/build-localproxy puts the binary (and .ci/run exports as TC_LOCALPROXY), so that a
 * developer who built it once needs no variable. Same lookup as that script.
 */
export function localProxyPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TC_LOCALPROXY) return env.TC_LOCALPROXY;
  const cacheRoot = env.TC_TOOLS_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tunnel-conformance');
  return join(cacheRoot, 'localproxy-7aac899', 'build', 'bin', 'localproxy');
}

export interface LocalProxyOptions {
  bin: string;
  /** `127.0.0.1:PORT` of a TLS data plane (the proxy always speaks wss) */
  endpoint: string;
  mode: 'src' | 'dst';
  /** given through the environment, so it never sits on a command line others can read */
  token: string;
  /** `SERVICE=LOCALPORT` for src, `SERVICE=HOST:PORT` for dst */
  mapping: string;
}

export interface LocalProxy {
  child: ChildProcess;
  /** The command line it ran (holds no token). */
  commandLine: string;
  /** Its exit status once it ended (null: killed by a signal), undefined while it runs. */
  exitStatus(): number | null | undefined;
  /** Its output so far, last lines only, with the token replaced by <token>. */
  output(): string;
  /** Ends it (SIGTERM, then SIGKILL after 3 s) and removes its working directory. */
  stop(): Promise<void>;
}

const KEPT_LINES = 60;

/** The flags checked against `localproxy --help` of commit 7aac899. */
export function localProxyArgs(o: Pick<LocalProxyOptions, 'endpoint' | 'mode' | 'mapping'>): string[] {
  // -k: the reference's certificate is self-signed. -v 5 (debug): a failure message then shows
  // what the proxy saw of the handshake and the messages.
  return ['-e', o.endpoint, '-k', '-m', o.mode, o.mode === 'src' ? '-s' : '-d', o.mapping, '-v', '5'];
}

export function startLocalProxy(o: LocalProxyOptions): LocalProxy {
  const args = localProxyArgs(o);
  // The proxy reads port mappings from ./config when present and honours HTTPS_PROXY: neither
  // may come from the machine running the test.
  const cwd = mkdtempSync(join(tmpdir(), 'tc-localproxy-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AWSIOT_TUNNEL_|https?_proxy$)/i.test(k)));
  const child = spawn(o.bin, args, { cwd, env: { ...env, AWSIOT_TUNNEL_ACCESS_TOKEN: o.token }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', () => {}); // a missing binary: reported by the test through output() and exitCode
  const lines: string[] = [];
  let partial = '';
  const keep = (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    child,
    commandLine: `AWSIOT_TUNNEL_ACCESS_TOKEN=<token> localproxy ${args.join(' ')}`,
    exitStatus: () => (child.exitCode === null && child.signalCode === null ? undefined : child.exitCode),
    output: () => redact([...lines, partial].join('\n'), o.token),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** The proxy does not log its token (7aac899), but its output reaches failure messages: a later version might. */
export function redact(text: string, token: string): string {
  return token ? text.split(token).join('<token>') : text;
}
