// `npm start` and `npm run api:admin`: runs an entry of the API's build in this process,
//   node tools/scripts/run-api.mjs main|admin-token.main [its arguments]
// after building it again, with one line on stderr saying so, if a source changed since the build
// (a checkout, an edit): what starts is always what the sources say.
// The API's start also builds the web app it serves when a page's source changed, and makes the empty database new embedded stores are copied from, when the
// build has none for the installed PGlite: in a process of its own, since initdb's memory would
// otherwise stay with the API's.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { APPS, root, staleness } from './app-builds.mjs';
import { emptyDatabaseStaleness } from './build-apps.mjs';

const [entry] = process.argv.splice(2, 1);
if (!APPS.api.entries.some(({ out }) => out === entry)) {
  process.stderr.write(`usage: node tools/scripts/run-api.mjs ${APPS.api.entries.map(({ out }) => out).join('|')}\n`);
  process.exit(2);
}

const stale = staleness('api');
if (stale !== undefined) {
  const { buildApp } = await import('./build-apps.mjs');
  const ms = await buildApp('api');
  process.stderr.write(`Built the API before running it (${stale}) in ${Math.round(ms)} ms\n`);
}
// The start serves the web app's build: made again when a page's source changed, in a process of
// its own so the bundler's memory does not stay with the API's.
const staleWeb = entry === 'main' ? staleness('web') : undefined;
if (staleWeb !== undefined) {
  const started = performance.now();
  const built = spawnSync(process.execPath, [join(root, 'tools', 'scripts', 'build-apps.mjs'), 'web'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Without it the API answers its page saying the web app is not built; the API itself runs.
  if (built.status === 0)
    process.stderr.write(
      `Built the web app before running the API (${staleWeb}) in ${Math.round(performance.now() - started)} ms\n`,
    );
}
const noEmptyDatabase = entry === 'main' ? emptyDatabaseStaleness() : undefined;
if (noEmptyDatabase !== undefined) {
  const started = performance.now();
  const made = spawnSync(process.execPath, [join(root, 'tools', 'scripts', 'build-apps.mjs'), 'empty-database'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Without it a new store is made by initdb, as before: slower, never wrong.
  if (made.status === 0)
    process.stderr.write(
      `Made the empty database new stores start from (${noEmptyDatabase}) in ${Math.round(performance.now() - started)} ms\n`,
    );
}
// A system error's stack, in the log, names the TypeScript lines.
process.setSourceMapsEnabled(true);
createRequire(import.meta.url)(join(root, 'apps', 'api', 'dist', `${entry}.js`));
