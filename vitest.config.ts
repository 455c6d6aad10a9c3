import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The project's own tests, and the bench's smoke test (the bench itself is `npm run bench`). The
// conformance checks under suites/ are run by the CLI in a worker thread (src/run/thread-entry.ts) with a
// configuration of their own (a target, a seed, a profile), not by `npm test` directly.
export default defineConfig({
  // The package by its own name (docs/usage.md's imports) is the sources here: its exports point at
  // the compiled dist/, which only the pack-and-install test (test/package/) builds and uses.
  resolve: {
    alias: [
      { find: /^tunnel-conformance$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^tunnel-conformance\/vitest$/, replacement: fileURLToPath(new URL('./src/vitest.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
