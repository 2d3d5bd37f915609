module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api',
  rootDir: __dirname,
  // jose ships ES modules only; swc turns it into CommonJS like the rest of the code under test.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // End-to-end files start an API and seed a program in their hooks; on a busy machine that
  // takes longer than jest's 5 s default.
  testTimeout: 60_000,
};
