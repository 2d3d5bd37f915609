// Jest's global setup for the apps: their end-to-end tests run the built command line and API, so
// a build older than its sources is made again first. `npm test` has Nx build both before it
// tests them; this covers a jest run on its own after an edit.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

/**
 * What each app's tests run: the API's also run the command line, and its start serves the web
 * app (building it first when stale, which a test reading the start's output would see).
 */
const BUILDS_USED = new Map([
  ['cli', ['cli']],
  ['api', ['cli', 'api', 'web']],
  ['web', ['api', 'web']],
]);

module.exports = async (_globalConfig, projectConfig) => {
  // Jest hands the display name over as { name, color }.
  const project = projectConfig.displayName?.name ?? projectConfig.displayName;
  const apps = BUILDS_USED.get(project);
  if (apps === undefined) throw new Error(`No app build known for the tests of ${project}`);
  const build = spawnSync(process.execPath, [join(__dirname, 'build-apps.mjs'), '--if-stale', ...apps], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`Building ${apps.join(' and ')} for the tests failed`);
};
