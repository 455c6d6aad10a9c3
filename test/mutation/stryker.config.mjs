// @ts-check
/**
 * Mutation testing of the reference implementation (models/): every mutant the project's own
 * model tests (test/models) let live is a rule of the model that no test pins down.
 * Run from the project root: `npm run mutation`. The JSON report goes to reports-out/mutation/ (git-ignored);
 * test/mutation/record-score.ts copies the score into docs/kill-matrix.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.config.ts', related: false },
  // All of models/ but the variants: those are deliberately broken copies of the service whose
  // only test is the kill matrix (about 15 minutes per pass, in child processes a mutant cannot reach).
  mutate: ['models/*.ts'],
  ignorePatterns: ['reports-out', 'tunnel-conformance-report', '.scratch*', 'docs', 'test/self-validation'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports-out/mutation/mutation.json' },
  // A rerun tests only the mutants whose code or tests changed; delete the file for a full run.
  incremental: true,
  incrementalFile: 'reports-out/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 80, low: 60, break: null },
};
export default config;
