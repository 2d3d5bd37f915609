// What each app's build holds, and whether it is older than what it was built from. Kept apart
// from the build itself so a start can check its build without loading esbuild.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

export const APPS = {
  cli: {
    // `--help` loads main alone; a command's action requires the rest (src/actions.ts).
    entries: [
      { source: 'src/main.ts', out: 'main' },
      { source: 'src/actions.ts', out: 'actions' },
      // A replay's second thread: a process apart from the others, which shares no module with them.
      { source: 'src/replay/check-worker.ts', out: 'replay-check', ownThread: true },
    ],
    oneProcess: true,
    decoratorMetadata: false,
  },
  api: {
    entries: [
      { source: 'src/main.ts', out: 'main' },
      { source: 'src/auth/admin-token.main.ts', out: 'admin-token.main' },
    ],
    oneProcess: false,
    decoratorMetadata: true,
  },
  // The web app is built by Vite for the browser (apps/web/vite.config.mts); the API serves its page and assets.
  web: {
    entries: [],
    vite: true,
    builtFiles: ['index.html'],
  },
};

const modifiedMs = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

/**
 * Why the app's build cannot be run as it is (there is none, or a source is newer), or undefined
 * when it is current. The build lists the files it was made from; a new file matters
 * only once a listed one imports it, which changes that one.
 */
export const staleness = (name) => {
  const listing = join(root, 'apps', name, 'dist', 'inputs.json');
  const builtMs = modifiedMs(listing);
  if (builtMs === undefined) return 'there is no build yet';
  const outputs = [
    ...APPS[name].entries.map(built(name)),
    ...(APPS[name].builtFiles ?? []).map((file) => join('apps', name, 'dist', file)),
  ];
  for (const input of [...JSON.parse(readFileSync(listing, 'utf8')), ...outputs]) {
    const inputMs = modifiedMs(join(root, input));
    if (inputMs === undefined) return `${input} is gone`;
    if (inputMs > builtMs) return `${input} is newer than the build`;
  }
  return undefined;
};

/** A bundle written before the listing: missing only if someone removed it by hand. */
const built = (name) => (entry) => join('apps', name, 'dist', `${entry.out}.js`);
