#!/usr/bin/env node
// The sources are TypeScript; tsx's loader runs them without a build step.
import { register } from 'tsx/esm/api';

// Every module loaded after register() passes through tsx's hooks, which makes vitest's large
// dependency tree take seconds to load; loaded natively first, it takes a fraction of that.
if (process.argv[2] === 'run') await import('vitest/node');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
