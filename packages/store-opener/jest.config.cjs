module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'store-opener',
  rootDir: __dirname,
};
