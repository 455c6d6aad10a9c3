#!/usr/bin/env node
// In the installed package: the compiled JavaScript in dist/, no loader. In a source checkout
// (src/*.ts present): the sources, through tsx's loader, so no build step is needed to run them.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  (await import('tsx/esm/api')).register();
  ({ main } = await import(source.href));
} else ({ main } = await import('../dist/src/cli/main.js'));
process.exitCode = await main(process.argv.slice(2));
