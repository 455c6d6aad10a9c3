import { defineConfig } from 'vitest/config';

// Only the model's own in-process tests. Tests that start child processes (the CLI, `serve`) are
// left out: a mutant is switched on inside the test worker only, so a child process would test
// the unmutated model, and they cost most of the time. The self-validation run is left out too:
// it is minutes over HTTP and, in child processes, cannot see mutants either.
export default defineConfig({
  test: {
    include: ['test/models/**/*.test.ts'],
    exclude: ['test/models/cli.test.ts', 'test/models/serve.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
