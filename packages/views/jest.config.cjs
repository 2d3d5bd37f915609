module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'views',
  rootDir: __dirname,
};
