module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'eventstore',
  rootDir: __dirname,
};
