import { defineConfig } from 'vitest/config';

// The project's own tests, and the bench's smoke test (the bench itself is `npm run bench`). The
// conformance checks under suites/ are run by the CLI through src/run/conformance.check.ts with a
// configuration of their own (a target, a seed, a profile), not by `npm test` directly.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
