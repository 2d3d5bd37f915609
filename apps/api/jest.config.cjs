module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api',
  rootDir: __dirname,
  // jose ships ES modules only; swc turns it into CommonJS like the rest of the code under test.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
};
