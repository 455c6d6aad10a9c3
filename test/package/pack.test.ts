/**
 * The package as a user gets it: `npm pack` (which builds dist/ through `prepack`), the tarball
 * installed into an empty project with `npm install`, then the CLI, the library and the vitest
 * entry run from there, as compiled JavaScript with no TypeScript loader anywhere in the consumer's tree.
 * Installing fetches the package's dependencies: this test needs the npm registry (or a warm npm
 * cache), as `npm ci` does.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PACK_MS = 240_000;
const INSTALL_MS = 360_000;
/** The vitest this project is tested with: the version the consumer installs for the vitest entry. */
const vitestVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.vitest;

/** A child process's exit code and output, bounded by `timeoutMs`. */
function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number | null; out: string; err: string }> {
  // No loader inherited from the test runner's environment: the consumer runs plain node.
  const env = { ...process.env, NODE_OPTIONS: '', CI: '1' };
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => child.on('close', (code) => (clearTimeout(timer), resolve({ code, out, err }))));
}

const tail = (text: string) => text.trim().split('\n').slice(-15).join('\n');

describe('the packed tarball, installed into an empty project', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-package-'));
  let tarball = '';

  beforeAll(async () => {
    const packed = await run(NPM, ['pack', '--silent', '--pack-destination', dir], root, PACK_MS);
    if (packed.code !== 0) throw new Error(`npm pack (and its prepack build) failed with ${packed.code}:\n${tail(packed.err || packed.out)}`);
    tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const installed = await run(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], dir, INSTALL_MS);
    if (installed.code !== 0)
      throw new Error(`npm install of the packed tarball failed with ${installed.code} (it fetches the dependencies from the npm registry: is it reachable?):\n${tail(installed.err)}`);
  }, PACK_MS + INSTALL_MS + 30_000);
  // The consumer's node_modules is a few hundred megabytes.
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds compiled JavaScript with declarations, the derived specs and no TypeScript sources', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/src/run/thread-entry.js');
    expect(files).toContain('dist/suites/catalogue.js');
    expect(files).toContain('dist/specs/iotsecuretunneling/2018-10-05/schema.json');
    expect(files).toContain('dist/reports/report.schema.json');
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /\.test\.|^test\//.test(f))).toEqual([]);
    // tsx is for the project's own scripts: nothing the consumer installed brings a loader.
    expect(existsSync(join(dir, 'node_modules/tsx'))).toBe(false);
    // vitest is an optional peer, for tunnel-conformance/vitest only: the CLI and the library run without it.
    expect(existsSync(join(dir, 'node_modules/vitest'))).toBe(false);
  });

  it('npx tunnel-conformance run --profile quick passes against the embedded mock', async () => {
    const r = await run(NPM, ['exec', '--offline', '--', 'tunnel-conformance', 'run', '--profile', 'quick', '--seed', '7', '--report-dir', 'cli-report'], dir, 240_000);
    expect(r.code, `${tail(r.out)}\n${tail(r.err)}`).toBe(0);
    expect(r.out).toMatch(/\d+ passed, 0 failed/);
    const report = JSON.parse(readFileSync(join(dir, 'cli-report/report.json'), 'utf8')) as { tool: { name: string }; checks: { status: string }[] };
    expect(report.tool.name).toBe('tunnel-conformance');
    expect(report.checks.length).toBeGreaterThan(10);
  }, 260_000);

  it('runConformance runs from an import of the package by name, and its declarations type-check', async () => {
    const consumer =
      `import { runConformance, type Report } from 'tunnel-conformance';\n` +
      `const report: Report = await runConformance({ profile: 'quick', seed: 3, only: 'ERR-NOT-FOUND-001,OPEN-STATE-001', reportDir: 'lib-report' });\n` +
      `console.log(JSON.stringify(report.checks.map((c) => [c.id, c.status])));\n`;
    writeFileSync(join(dir, 'consumer.ts'), consumer);
    // The same program as JavaScript (types erased by hand), run by plain node.
    writeFileSync(join(dir, 'consumer.mjs'), consumer.replace(', type Report', '').replace(': Report', ''));
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const typed = await run(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'consumer.ts'], dir, 120_000);
    expect(typed.code, typed.out).toBe(0);
    const r = await run(process.execPath, ['consumer.mjs'], dir, 180_000);
    expect(r.code, tail(r.err)).toBe(0);
    expect(JSON.parse(r.out.trim().split('\n').at(-1)!)).toEqual([
      ['ERR-NOT-FOUND-001', 'passed'],
      ['OPEN-STATE-001', 'passed'],
    ]);
  }, 320_000);

  it('conformanceSuite from tunnel-conformance/vitest defines the checks as tests of the consumer`s vitest run', async () => {
    writeFileSync(
      join(dir, 'conformance.test.mjs'),
      `import { conformanceSuite } from 'tunnel-conformance/vitest';\n` +
        `conformanceSuite({ profile: 'quick', seed: 5, only: 'ERR-NOT-FOUND-001,OPEN-STATE-001', reportDir: 'suite-report' });\n`,
    );
    // vitest is an optional peer: the consumer who wants the vitest entry has (here: installs) its own.
    const installed = await run(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', `vitest@${vitestVersion}`], dir, INSTALL_MS);
    expect(installed.code, tail(installed.err)).toBe(0);
    const r = await run(NPM, ['exec', '--offline', '--', 'vitest', 'run', '--reporter=json', '--outputFile=suite.json', 'conformance.test.mjs'], dir, 180_000);
    expect(r.code, `${tail(r.out)}\n${tail(r.err)}`).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'suite.json'), 'utf8')) as { testResults: { assertionResults: { title: string; status: string }[] }[] };
    expect(results.testResults.flatMap((f) => f.assertionResults.map((a) => [a.title.split(':')[0], a.status]))).toEqual([
      ['ERR-NOT-FOUND-001', 'passed'],
      ['OPEN-STATE-001', 'passed'],
    ]);
  }, 200_000 + INSTALL_MS);
});
