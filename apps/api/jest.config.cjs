module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api',
  rootDir: __dirname,
  // The end-to-end tests run the build, as users do; an edit since the last build is built first.
  globalSetup: '<rootDir>/../../tools/scripts/apps-built.cjs',
  // jose ships ES modules only; swc turns it into CommonJS like the rest of the code under test.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // End-to-end files start an API and seed a program in their hooks; on a busy machine that
  // takes longer than jest's 5 s default.
  testTimeout: 60_000,
};
