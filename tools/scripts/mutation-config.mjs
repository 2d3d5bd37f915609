// The StrykerJS options shared by each package's mutation run. Stryker copies the files a run
// needs into a sandbox under tmp/ and mutates them there, never in the working tree; it is run
// from the repository root (`npm run test:mutation`), so every path here is relative to it.

/**
 * @param {string} project the package folder under packages/ (`domain`, `projections`)
 * @param {ReadonlyArray<string>} ruleFiles the files to mutate, relative to the package's `src`
 * @param {ReadonlyArray<string>} specs the spec files that test them, globs relative to the package
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export const mutationConfig = (project, ruleFiles, specs) => ({
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  // The machine is shared: one test runner process at a time.
  concurrency: 1,
  coverageAnalysis: 'perTest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: `packages/${project}/jest.config.cjs`,
    // Only the example specs of the rule files: every other spec run for a mutant is time spent
    // for nothing, and property specs, which run each rule over a hundred generated histories,
    // would multiply the run's length for the few mutants only they catch.
    config: {
      testMatch: specs.map((glob) => `<rootDir>/${glob}`),
      testPathIgnorePatterns: ['/node_modules/', '\\.properties\\.unit\\.spec\\.ts$'],
    },
    enableFindRelatedTests: true,
  },
  mutate: ruleFiles.map((file) => `packages/${project}/src/${file}`),
  // Only what the package's tests load is copied into the sandbox; node_modules is linked.
  ignorePatterns: [
    '**',
    '!package.json',
    '!tsconfig.base.json',
    '!jest.preset.cjs',
    '!tools/scripts/count-reporter.cjs',
    '!packages/domain/**',
    `!packages/${project}/**`,
    'packages/*/dist',
    'packages/*/node_modules',
  ],
  tempDirName: `tmp/mutation/sandbox-${project}`,
  cleanTempDir: true,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `tmp/mutation/${project}.json` },
  htmlReporter: { fileName: `tmp/mutation/${project}.html` },
  incrementalFile: `tmp/mutation/${project}.incremental.json`,
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10000,
});
