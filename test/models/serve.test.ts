import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startServe } from './serve-process.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('tunnel-conformance serve', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('prints one listening line with the real port, serves, and exits 0 on %s', async (signal) => {
    const serve = await startServe();
    try {
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
      const res = await fetch(`${serve.url}/_conformance/v1/capabilities`);
      expect(await res.json()).toEqual({ clock: true, reset: true, limits: true, dataPlane: true });
      serve.child.kill(signal);
      expect(await serve.exit).toBe(0);
      expect(serve.laterLines).toEqual([]);
    } finally {
      if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
    }
  });

  const serveSync = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/tunnel-conformance.js', 'serve', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });

  it('--help says where the data plane is', () => {
    const r = serveSync('--help');
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('the data plane (the localproxy WebSocket proxy) is at /tunnel on the same port');
  });

  it('refuses a bad port with exit status 2 and a one-line reason', () => {
    const r = serveSync('--port', '70000');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('--port')]);
  });

  it('exits 2 with a one-line reason when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const r = serveSync('--port', String((taken.address() as AddressInfo).port));
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('EADDRINUSE')]);
    } finally {
      taken.close();
    }
  });
});
