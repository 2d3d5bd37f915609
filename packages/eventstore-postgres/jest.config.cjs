module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'eventstore-postgres',
  rootDir: __dirname,
};
