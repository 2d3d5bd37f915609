module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'cli',
  rootDir: __dirname,
  // The end-to-end tests run the build, as users do; an edit since the last build is built first.
  globalSetup: '<rootDir>/../../tools/scripts/apps-built.cjs',
};
