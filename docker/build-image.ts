/**
 * `npm run image`: builds the reference server image from local files only, because no registry
 * may be reachable (docker/Dockerfile is the same image for those with registry access).
 *
 * The root filesystem is this machine's node binary with the shared libraries `ldd` names, the
 * server bundled into one file by esbuild, and the derived specs it reads at run time; it is
 * handed to `docker import` as a tarball. No shell in it: it serves and does nothing else.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { REFERENCE_IMAGE, REFERENCE_PORT } from './reference-image.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const NODE = '/usr/bin/node';
const APP = '/app';

/** The dynamic loader and every library the binary links, as absolute paths. */
function sharedLibraries(binary: string): string[] {
  const r = spawnSync('ldd', [binary], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ldd ${binary} failed: ${r.stderr.trim()}`);
  return [...r.stdout.matchAll(/(?:=>\s*)?(\/\S+)\s+\(0x/g)].map((m) => m[1]);
}

function copyInto(rootfs: string, from: string, to = from) {
  mkdirSync(join(rootfs, dirname(to)), { recursive: true });
  // copyFileSync follows symlinks: the image holds the files, not links into this machine.
  copyFileSync(from, join(rootfs, to));
}

async function stageRootfs(rootfs: string) {
  copyInto(rootfs, process.execPath, NODE);
  for (const lib of sharedLibraries(process.execPath)) copyInto(rootfs, lib);
  await build({
    entryPoints: [join(root, 'docker/serve.ts')],
    outfile: join(rootfs, APP, 'serve.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies inside an ESM bundle still call require() for node builtins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // specs/index.ts reads its JSON relative to its own module, which in the bundle is serve.mjs.
  cpSync(join(root, 'specs/iotsecuretunneling'), join(rootfs, APP, 'iotsecuretunneling'), { recursive: true, filter: (p) => !/\.ts$/.test(p) });
  mkdirSync(join(rootfs, 'tmp'), { recursive: true, mode: 0o1777 });
}

function run(command: string, args: string[]) {
  const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${command} ${args[0]} failed${r.error ? `: ${r.error.message}` : ` with exit ${r.status}`}`);
}

function dockerImport(rootfs: string, tarball: string) {
  run('tar', ['-C', rootfs, '--owner=0', '--group=0', '-cf', tarball, '.']);
  const cmd = JSON.stringify([NODE, `${APP}/serve.mjs`, '--host', '0.0.0.0', '--port', String(REFERENCE_PORT)]);
  run('docker', ['import', '--change', `CMD ${cmd}`, '--change', `EXPOSE ${REFERENCE_PORT}`, '--change', `WORKDIR ${APP}`, tarball, REFERENCE_IMAGE]);
}

async function main(): Promise<number> {
  if (spawnSync('docker', ['version'], { stdio: 'ignore', timeout: 15_000 }).status !== 0) {
    console.error('npm run image: no Docker engine reachable: start dockerd or set DOCKER_HOST to its socket (docs/container.md)');
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'tc-image-'));
  try {
    const rootfs = join(work, 'rootfs');
    await stageRootfs(rootfs);
    dockerImport(rootfs, join(work, 'rootfs.tar'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`built ${REFERENCE_IMAGE}`);
  return 0;
}

process.exitCode = await main().catch((e: Error) => {
  console.error(`npm run image: ${e.message.split('\n')[0]}`);
  return 2;
});
