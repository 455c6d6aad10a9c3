import { defineConfig } from 'vitest/config';

// Only the model's own tests: the mutants live in models/, and the self-validation run (minutes,
// over HTTP) would multiply every mutant's cost without reaching a rule the model tests miss.
export default defineConfig({
  test: {
    include: ['test/models/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
