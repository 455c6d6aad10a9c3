/**
 * `run --target container:…` as users call it, against the reference image `npm run image`
 * builds: it passes, saves the container's log, and leaves no container, also when interrupted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REFERENCE_IMAGE } from '../../docker/reference-image.js';
import type { Report } from '../../reports/types.js';
import { CONTAINER_LABEL } from '../../src/targets/container.js';
import { spawnTsx, tempDir } from '../run/helpers.js';
import { systemTool, titled } from '../support/system-tool.js';

const BIN = 'bin/tunnel-conformance.js';
const TARGET = `container:${REFERENCE_IMAGE}`;
const RUN_MS = 180_000;

const engine = systemTool('Docker engine', ['docker', 'version'], 'start dockerd or set DOCKER_HOST to its socket');
const image = engine.available ? systemTool(`image ${REFERENCE_IMAGE}`, ['docker', 'image', 'inspect', REFERENCE_IMAGE], 'build it with npm run image') : engine;

/** Containers our runs started that still exist, running or not. */
function ourContainers(): string[] {
  const r = spawnSync('docker', ['ps', '-a', '-q', '--filter', `label=${CONTAINER_LABEL}`], { encoding: 'utf8', timeout: 15_000 });
  if (r.status !== 0) throw new Error(`docker ps failed: ${r.stderr}`);
  return r.stdout.split('\n').filter(Boolean);
}

const readReport = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;

describe.skipIf(!image.available)(titled('run --target container: the reference image', image), () => {
  it('passes the quick profile, keeps the container log, and removes the container', { timeout: RUN_MS }, async () => {
    expect(ourContainers()).toEqual([]);
    const dir = tempDir();
    const child = spawnTsx([BIN, 'run', '--target', TARGET, '--profile', 'quick', '--report-dir', dir], RUN_MS);
    expect(await child.code, child.stderr()).toBe(0);
    const report = readReport(dir);
    expect(report.target.kind).toBe('container');
    expect(report.target.endpoint).toBe(TARGET);
    // The reference offers target control; discovered as for any http target.
    expect(report.target.capabilities).toMatchObject({ clock: true });
    expect(report.summary.failed).toBe(0);
    expect(report.summary.passed).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'container.log'), 'utf8')).toContain('listening on http://0.0.0.0:8080');
    expect(ourContainers()).toEqual([]);
  });

  it('removes the container when the run is interrupted with SIGTERM', { timeout: RUN_MS }, async () => {
    const dir = tempDir();
    const child = spawnTsx([BIN, 'run', '--target', TARGET, '--profile', 'full', '--report-dir', dir], RUN_MS);
    // Signalled once the first check has passed: the container answers and the checks are running.
    const checking = () => /^ok /m.test(child.stderr());
    for (let i = 0; i < 600 && !checking(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(child.stdout()).toContain(`tunnel-conformance run: target ${TARGET}`);
    expect(checking()).toBe(true);
    expect(ourContainers()).toHaveLength(1);
    child.kill('SIGTERM');
    expect(await child.code).toBe(2);
    expect(child.stderr()).toContain('interrupted');
    expect(existsSync(join(dir, 'container.log'))).toBe(true);
    expect(ourContainers()).toEqual([]);
  });

  it('removes the container even when a second SIGTERM ends the run at once', { timeout: RUN_MS }, async () => {
    const child = spawnTsx([BIN, 'run', '--target', TARGET, '--profile', 'full', '--report-dir', tempDir()], RUN_MS);
    const checking = () => /^ok /m.test(child.stderr());
    for (let i = 0; i < 600 && !checking(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(ourContainers()).toHaveLength(1);
    child.kill('SIGTERM');
    for (let i = 0; i < 100 && !child.stderr().includes('cancelling the checks'); i++) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    expect(await child.code).toBe(2);
    expect(ourContainers()).toEqual([]);
  });

  it('reports an image that cannot be pulled in one line (exit 2), leaving nothing', { timeout: RUN_MS }, async () => {
    // A registry address on this machine where nothing listens: the pull fails at once, offline.
    const absent = 'container:127.0.0.1:1/tunnel-conformance/absent:1';
    const child = spawnTsx([BIN, 'run', '--target', absent, '--profile', 'quick', '--report-dir', tempDir()], RUN_MS);
    expect(await child.code).toBe(2);
    expect(child.stderr().trim().split('\n')).toHaveLength(1);
    expect(child.stderr()).toContain(`${absent} did not start`);
    expect(ourContainers()).toEqual([]);
  });
});

describe('run --target container: without a Docker engine', () => {
  // testcontainers falls back to the default socket when DOCKER_HOST fails: only where there is none is the engine truly absent.
  it.skipIf(existsSync('/var/run/docker.sock'))('exits 2 with one line saying how to provide one', { timeout: 60_000 }, async () => {
    vi.stubEnv('DOCKER_HOST', 'unix:///nonexistent/tc-docker.sock');
    const child = spawnTsx([BIN, 'run', '--target', TARGET, '--profile', 'quick', '--report-dir', tempDir()], 60_000);
    vi.unstubAllEnvs();
    expect(await child.code).toBe(2);
    expect(child.stderr().trim().split('\n')).toHaveLength(1);
    expect(child.stderr()).toMatch(/needs a Docker engine and none is reachable .*start dockerd, or set DOCKER_HOST/);
  });
});
