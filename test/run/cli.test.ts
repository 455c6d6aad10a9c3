/** The `run` command line as users call it: bad input, unreachable targets, and --plan. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { spawnTsx, tempDir } from './helpers.js';

const BIN = 'bin/tunnel-conformance.js';

describe('tunnel-conformance run: could not run (exit 2, one line)', () => {
  it('names an unreachable address', async () => {
    const child = spawnTsx([BIN, 'run', '--target', 'http://127.0.0.1:1', '--profile', 'quick', '--report-dir', tempDir()], 30_000);
    expect(await child.code).toBe(2);
    expect(child.stderr().trim().split('\n')).toHaveLength(1);
    expect(child.stderr()).toContain('127.0.0.1:1');
  });

  it.each([
    [['--profile', 'slow'], 'unknown profile "slow"'],
    [['--bogus'], "'--bogus'"],
    [['--target', 'http://nowhere'], 'HOST:PORT'],
    [['--container-port', '9000'], 'container: targets only'],
    [['--only', 'NOPE-NOTHING-001'], 'unknown check id "NOPE-NOTHING-001"'],
    [['--seed', 'abc'], '--seed'],
    [['--max-tunnels', '0'], '--max-tunnels'],
    [['--expect', '/nonexistent/expect.yaml', '--plan'], '/nonexistent/expect.yaml'],
  ])('%j', async (args, reason) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await main(['run', ...args, '--report-dir', tempDir()])).toBe(2);
      expect(errors.mock.calls).toHaveLength(1);
      expect(String(errors.mock.calls[0][0])).toContain(reason);
      expect(String(errors.mock.calls[0][0])).not.toContain('\n');
    } finally {
      errors.mockRestore();
    }
  });
});

describe('tunnel-conformance run --plan', () => {
  it('prints checks, maximum tunnels and calls and a duration, and sends no request at all', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const child = spawnTsx([BIN, 'run', '--plan', '--target', target, '--only', 'ERR-*,OPEN-*', '--skip', 'ERR-INVALID-*', '--profile', 'quick'], 60_000);
      expect(await child.code).toBe(0);
      const out = child.stdout();
      expect(out).toMatch(/^ERR-NOT-FOUND-001\s+MUST\s+A tunnel id that was never opened/m);
      expect(out).not.toContain('ERR-INVALID-');
      expect(out).toMatch(/at most \d+ tunnels/);
      expect(out).toMatch(/and \d+ calls/);
      expect(out).toMatch(/estimated duration: \d+ (s|min)/);
    } finally {
      server.close();
    }
    expect(requests).toBe(0);
  });
});
