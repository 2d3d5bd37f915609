// Builds the command line, the API and the web app into what users run (apps/<app>/dist):
//   node tools/scripts/build-apps.mjs [cli|api|web ...] [--if-stale]
// One CommonJS bundle per entry point; the command line's entries, which run in one process,
// require each other by path and share no module. The workspace packages (@coachline/*) are bundled from their
// sources; everything installed in node_modules stays a plain require, loaded from there at run
// time. The API's own files pass through swc first: NestJS injects by the constructor parameter
// types that TypeScript's decorator metadata records, which esbuild does not emit.
// The web app is Vite's build for the browser: index.html and its assets, every package bundled in.
// With --if-stale, an app whose build is newer than every file it was built from is left alone.
// Beside the API's build it keeps an empty PGlite database (`empty-database`, made again only
// when the installed PGlite changes), which a new embedded store starts as a copy of.
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APPS, root, staleness } from './app-builds.mjs';

/**
 * Leaves every bare specifier but the workspace's own packages to Node's resolution at run time.
 * A package installed below the workspace package that uses it (packages/x/node_modules, where
 * npm puts a version the others do not share) cannot be found from the bundle's folder: the bundle
 * then requires it by its path, the file the sources would have loaded.
 */
const installedPackagesExternal = (outdir) => ({
  name: 'installed-packages-external',
  setup(esbuild) {
    const fromBundle = createRequire(join(outdir, 'index.js'));
    const resolved = (require, path) => {
      try {
        return require.resolve(path);
      } catch {
        return undefined;
      }
    };
    esbuild.onResolve({ filter: /^[^./]/ }, ({ path: specifier, importer, kind }) => {
      if (specifier.startsWith('@coachline/')) return undefined;
      const external = { path: specifier, external: true };
      if (isBuiltin(specifier) || kind === 'dynamic-import') return external;
      const fromSource = resolved(createRequire(importer), specifier);
      if (fromSource === undefined || fromSource === resolved(fromBundle, specifier)) return external;
      const path = relative(outdir, fromSource).split(sep).join('/');
      return { path: path.startsWith('../') ? path : `./${path}`, external: true };
    });
  },
});

/** Compiles the files under `folder` with swc, decorators and their metadata as `tsc` would emit them. */
const decoratorMetadata = (folder) => ({
  name: 'decorator-metadata',
  async setup(esbuild) {
    const { transformFile } = await import('@swc/core');
    const inFolder = new RegExp(`^${folder.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&')}.*\\.ts$`);
    esbuild.onLoad({ filter: inFolder }, async ({ path }) => {
      const { code } = await transformFile(path, {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
        // esbuild reads an inline map and carries it through to the bundle's.
        sourceMaps: 'inline',
        swcrc: false,
        configFile: false,
      });
      return { contents: code, loader: 'js' };
    });
  },
});

/**
 * Entries that run in one process stay apart: an import of another entry becomes a require of its
 * bundle, rather than a second copy of it and of everything it imports.
 */
const entriesApart = (appDir, entries) => ({
  name: 'entries-apart',
  setup(esbuild) {
    const bundleOf = new Map(entries.map(({ source, out }) => [join(appDir, source), `./${out}.js`]));
    esbuild.onResolve({ filter: /^\./ }, ({ path, resolveDir, kind }) => {
      if (kind === 'entry-point') return undefined;
      const bundle = bundleOf.get(`${join(resolveDir, path)}.ts`) ?? bundleOf.get(join(resolveDir, path));
      return bundle === undefined ? undefined : { path: bundle, external: true };
    });
  },
});

/**
 * The modules bundled into more than one of the outputs: each would be loaded twice, as two.
 * An entry run in a thread of its own loads its modules apart anyway, and is not counted.
 */
const modulesInTwoBundles = (metafile, ownThreadOutputs) => {
  const seen = new Map();
  const twice = new Set();
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    if (ownThreadOutputs.has(output)) continue;
    for (const input of Object.keys(inputs)) {
      if (seen.has(input) && seen.get(input) !== output) twice.add(input);
      seen.set(input, output);
    }
  }
  return [...twice];
};

/** Writes each output through a temporary file: a test or a start racing the build never reads half a file. */
const writeAtomically = (files) => {
  for (const { path, contents } of files) {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  }
};

/** Builds one app; returns how long it took. */
export const buildApp = async (name) => {
  const started = performance.now();
  const { build, stop } = await import('esbuild');
  const app = APPS[name];
  const appDir = join(root, 'apps', name);
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(app.entries.map((entry) => [entry.out, join(appDir, entry.source)])),
    outdir: join(appDir, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    tsconfig: join(appDir, 'tsconfig.json'),
    sourcemap: 'linked',
    // The sources are in the repository beside the build; the map only needs to point at them.
    sourcesContent: false,
    keepNames: true,
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [
      installedPackagesExternal(join(appDir, 'dist')),
      ...(app.oneProcess ? [entriesApart(appDir, app.entries)] : []),
      ...(app.decoratorMetadata ? [decoratorMetadata(join(appDir, 'src') + sep)] : []),
    ],
  });
  // esbuild's service process would otherwise live on beside an API started after the build.
  await stop();
  const ownThreadOutputs = new Set(
    app.entries.filter((entry) => entry.ownThread).map((entry) => `apps/${name}/dist/${entry.out}.js`),
  );
  const twice = app.oneProcess ? modulesInTwoBundles(result.metafile, ownThreadOutputs) : [];
  if (twice.length > 0) {
    throw new Error(
      `apps/${name}: ${twice.join(', ')} would be in more than one bundle; import it from one entry's modules only`,
    );
  }
  const inputs = [
    ...Object.keys(result.metafile.inputs).map((input) => relative(root, join(root, input))),
    // A change to how the app is built, or to where its imports lead, calls for a new build as
    // much as a change to its sources.
    relative(root, fileURLToPath(import.meta.url)),
    'tools/scripts/app-builds.mjs',
    'tsconfig.base.json',
    `apps/${name}/tsconfig.json`,
  ];
  const dist = join(appDir, 'dist');
  const listing = join(dist, 'inputs.json');
  const kept = new Set(name === 'api' ? [EMPTY_DATABASE, EMPTY_DATABASE_MADE_BY] : []);
  writeAtomically([
    ...result.outputFiles.map(({ path, contents }) => ({ path, contents })),
    // Written last: its time is the build's, against which a start checks the sources.
    { path: listing, contents: `${JSON.stringify(inputs, null, 1)}\n` },
  ]);
  // What an earlier build wrote and this one did not (an entry since renamed) goes.
  const written = new Set([listing, ...result.outputFiles.map(({ path }) => path)]);
  for (const file of readdirSync(dist)) {
    // A file another build is writing at the same moment starts with a dot; it is that build's.
    if (!written.has(join(dist, file)) && !kept.has(join(dist, file)) && !file.startsWith('.'))
      rmSync(join(dist, file), { recursive: true, force: true });
  }
  return performance.now() - started;
};

/**
 * Builds the web app with the Vite installed for it; returns how long it took. Its listing names
 * the repository's files the bundle was made from (what is installed counts through the lockfile).
 */
export const buildWeb = async () => {
  const started = performance.now();
  const appDir = join(root, 'apps', 'web');
  const vite = createRequire(join(appDir, 'package.json')).resolve('vite');
  const { build } = await import(pathToFileURL(vite).href);
  const sources = new Set();
  // Built aside and swapped in, so a page served while another process builds is never half there;
  // aside under node_modules, where what a crashed build leaves is ignored by git and the linters.
  const dist = join(appDir, 'dist');
  const aside = join(appDir, 'node_modules', '.cache', `coachline-web-${process.pid}`);
  await build({
    configFile: join(appDir, 'vite.config.mts'),
    logLevel: 'warn',
    build: { outDir: aside, emptyOutDir: true },
    plugins: [
      {
        name: 'listed-inputs',
        buildEnd() {
          for (const id of this.getModuleIds()) {
            const path = id.split('?')[0];
            if (path.startsWith(root + sep) && !path.includes(`${sep}node_modules${sep}`))
              sources.add(relative(root, path));
          }
        },
      },
    ],
  });
  const inputs = [
    ...[...sources].sort(),
    relative(root, fileURLToPath(import.meta.url)),
    'tools/scripts/app-builds.mjs',
    'package-lock.json',
    'apps/web/package.json',
    'apps/web/index.html',
    'apps/web/vite.config.mts',
  ];
  writeAtomically([{ path: join(aside, 'inputs.json'), contents: `${JSON.stringify(inputs, null, 1)}\n` }]);
  const previous = `${aside}-previous`;
  // Another build swapping its own in at the same moment moves dist away or back in between.
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(dist, previous);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    try {
      renameSync(aside, dist);
      break;
    } catch (error) {
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code) || attempt === 3) throw error;
    }
  }
  rmSync(previous, { recursive: true, force: true });
  return performance.now() - started;
};

/** Where apps/api/src/main.ts looks for it: beside the bundle. */
const EMPTY_DATABASE = join(root, 'apps', 'api', 'dist', 'empty-database');
/** Which PGlite made it: a database folder is only for the PostgreSQL build that wrote it. */
const EMPTY_DATABASE_MADE_BY = `${EMPTY_DATABASE}.json`;

/** Where PGlite is, as the store's adapter loads it, and its version. */
const installedPglite = () => {
  const require = createRequire(join(root, 'packages', 'eventstore-postgres', 'package.json'));
  const entry = require.resolve('@electric-sql/pglite');
  for (let folder = dirname(entry); folder !== dirname(folder); folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (name === '@electric-sql/pglite') return { require, entry, version };
  }
  throw new Error(`No package.json names @electric-sql/pglite above ${entry}`);
};

/** Why the empty database must be made (there is none, another PGlite made it), or undefined. */
export const emptyDatabaseStaleness = () => {
  let madeBy;
  try {
    madeBy = JSON.parse(readFileSync(EMPTY_DATABASE_MADE_BY, 'utf8')).pglite;
  } catch {
    return 'there is none yet';
  }
  const { version } = installedPglite();
  return madeBy === version ? undefined : `it was made by PGlite ${madeBy}, this is ${version}`;
};

const makePrivate = (folder) => {
  chmodSync(folder, 0o700);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) makePrivate(join(folder, entry.name));
    else if (entry.isFile()) chmodSync(join(folder, entry.name), 0o600);
  }
};

/** Held while one process makes the empty database; older than this, its maker died. */
const EMPTY_DATABASE_LOCK = join(dirname(EMPTY_DATABASE), '.empty-database.lock');
const LOCK_ABANDONED_MS = 5 * 60_000;

const takeLock = () => {
  try {
    closeSync(openSync(EMPTY_DATABASE_LOCK, 'wx'));
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const heldMs = Date.now() - (statSync(EMPTY_DATABASE_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (heldMs < LOCK_ABANDONED_MS) return false;
    rmSync(EMPTY_DATABASE_LOCK, { force: true });
    return takeLock();
  }
};

/**
 * Makes the empty database: initdb in a folder of its own, closed at once, with no schema and no
 * row (the store's schema, with the identity each store draws for itself, is made when a store
 * opens). Made aside and renamed into place, so a start copying from it never sees half of one;
 * one process at a time, since each initdb takes most of a gigabyte. Returns how long it took, or
 * undefined when another process is making it.
 */
export const makeEmptyDatabase = async () => {
  const started = performance.now();
  mkdirSync(dirname(EMPTY_DATABASE), { recursive: true });
  if (!takeLock()) return undefined;
  const aside = join(dirname(EMPTY_DATABASE), `.empty-database.${process.pid}`);
  try {
    const { require, entry, version } = installedPglite();
    const { PGlite } = require(entry);
    rmSync(aside, { recursive: true, force: true });
    mkdirSync(join(aside, 'new'), { recursive: true });
    await (await PGlite.create({ dataDir: join(aside, 'new') })).close();
    makePrivate(join(aside, 'new'));
    try {
      renameSync(EMPTY_DATABASE, join(aside, 'old'));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    renameSync(join(aside, 'new'), EMPTY_DATABASE);
    writeAtomically([{ path: EMPTY_DATABASE_MADE_BY, contents: `${JSON.stringify({ pglite: version })}\n` }]);
  } finally {
    rmSync(aside, { recursive: true, force: true });
    rmSync(EMPTY_DATABASE_LOCK, { force: true });
  }
  return performance.now() - started;
};

const EMPTY_DATABASE_TARGET = 'empty-database';

const main = async () => {
  const args = process.argv.slice(2);
  const ifStale = args.includes('--if-stale');
  const names = args.filter((arg) => arg !== '--if-stale');
  for (const name of names) {
    if (!(name in APPS) && name !== EMPTY_DATABASE_TARGET)
      throw new Error(`No app named ${name}; the apps are ${Object.keys(APPS).join(', ')}`);
  }
  const targets = names.length > 0 ? names : [...Object.keys(APPS), EMPTY_DATABASE_TARGET];
  for (const name of targets.filter((target) => target in APPS)) {
    if (ifStale && staleness(name) === undefined) continue;
    const ms = APPS[name].vite ? await buildWeb() : await buildApp(name);
    console.log(`Built apps/${name}/dist in ${Math.round(ms)} ms`);
  }
  // Made again only when PGlite changes: it takes seconds, and every build would wait on them.
  const emptyDatabase = targets.includes(EMPTY_DATABASE_TARGET) ? emptyDatabaseStaleness() : undefined;
  if (emptyDatabase !== undefined) {
    const ms = await makeEmptyDatabase();
    console.log(
      ms === undefined
        ? 'Another process is making apps/api/dist/empty-database'
        : `Made apps/api/dist/empty-database (${emptyDatabase}) in ${Math.round(ms)} ms`,
    );
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
