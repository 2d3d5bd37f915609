module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'web',
  rootDir: __dirname,
  // The browser's tests open the web app's build served by the API's build; an edit since the last build is built first.
  globalSetup: '<rootDir>/../../tools/scripts/apps-built.cjs',
  // A browser test starts an API and Chromium, and signs in through the pages: far beyond jest's 5 s default.
  testTimeout: 120_000,
  setupFilesAfterEnv: ['<rootDir>/src/testing/retry-browser-steps.cjs'],
};
