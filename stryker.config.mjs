// Mutation testing of the modules that decide whether a secret leaks, a host is allowed, a
// lifetime is read right or an auth service is spaced out. Run with `npm run mutate` (all of
// them, ~20+ min) or `npm run mutate -- --mutate electron/core/engine/redact.ts` (one file).
// Not part of `npm test` or CI: it is slow, and its figures live in the README.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'electron/core/engine/redact.ts',
    'electron/core/runner/mask.ts',
    'shared/domain/allowed-hosts.ts',
    'electron/core/engine/read-response.ts',
    'electron/core/vault/cipher.ts',
    'electron/core/engine/guard.ts',
    'electron/core/engine/timestamp.ts',
    'electron/core/store/durable-write.ts',
    'electron/core/runner/response-body.ts',
    'electron/core/allowed-hosts/named-hosts.ts',
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) reload every test file and took ~87% of the time;
  // set STRYKER_STATIC=1 to include them.
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  jsonReporter: { fileName: 'test-results/mutation/report.json' },
  htmlReporter: { fileName: 'test-results/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false },
  // The machine is shared; two workers keep a run from starving everything else.
  concurrency: 2,
  timeoutMS: 60_000,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
