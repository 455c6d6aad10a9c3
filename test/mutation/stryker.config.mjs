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
  // The rules of the model: the executable service and how a constraint violation is answered.
  // (wire.ts, server.ts, msw.ts and reference.ts are transport; on 2 cores the whole of models/
  // measured over an hour, mostly mutants that hang a socket until the timeout. The variants
  // are deliberately broken copies: mutating them measures nothing.)
  mutate: ['models/service.ts', 'models/violations.ts'],
  ignorePatterns: ['reports-out', 'tunnel-conformance-report', '.scratch*', 'docs', 'test/self-validation'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports-out/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 80, low: 60, break: null },
};
export default config;
