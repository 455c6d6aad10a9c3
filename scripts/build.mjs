#!/usr/bin/env node
/**
 * `npm run build` (also run by `npm pack` through `prepack`): the compiled package in dist/.
 * tsc emits the JavaScript and the declarations, mirroring the source tree (dist/src, dist/suites,
 * …); the data files the modules read by path beside themselves are copied to the same places.
 * Plain Node on purpose: building needs only the devDependencies, never a TypeScript loader.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Read at run time through `new URL(…, import.meta.url)`: they must sit beside the compiled modules. */
const DATA = ['specs/iotsecuretunneling', 'reports/report.schema.json'];

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
} catch {
  console.error('build: tsc -p tsconfig.build.json failed (its errors are above)');
  process.exit(1);
}
for (const path of DATA) cpSync(new URL(path, new URL('../', import.meta.url)), new URL(path, new URL('../dist/', import.meta.url)), { recursive: true });
