// Builds the command line and the API into the JavaScript users run (apps/<app>/dist):
//   node tools/scripts/build-apps.mjs [cli|api ...] [--if-stale]
// One CommonJS bundle per entry point; the command line's entries, which run in one process,
// require each other by path and share no module. The workspace packages (@coachline/*) are bundled from their
// sources; everything installed in node_modules stays a plain require, loaded from there at run
// time. The API's own files pass through swc first: NestJS injects by the constructor parameter
// types that TypeScript's decorator metadata records, which esbuild does not emit.
// With --if-stale, an app whose build is newer than every file it was built from is left alone.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The modules bundled into more than one of the outputs: each would be loaded twice, as two. */
const modulesInTwoBundles = (metafile) => {
  const seen = new Map();
  const twice = new Set();
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
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
  const twice = app.oneProcess ? modulesInTwoBundles(result.metafile) : [];
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
  writeAtomically([
    ...result.outputFiles.map(({ path, contents }) => ({ path, contents })),
    // Written last: its time is the build's, against which a start checks the sources.
    { path: listing, contents: `${JSON.stringify(inputs, null, 1)}\n` },
  ]);
  // What an earlier build wrote and this one did not (an entry since renamed) goes.
  const written = new Set([listing, ...result.outputFiles.map(({ path }) => path)]);
  for (const file of readdirSync(dist)) {
    // A file another build is writing at the same moment starts with a dot; it is that build's.
    if (!written.has(join(dist, file)) && !file.startsWith('.'))
      rmSync(join(dist, file), { recursive: true, force: true });
  }
  return performance.now() - started;
};

const main = async () => {
  const args = process.argv.slice(2);
  const ifStale = args.includes('--if-stale');
  const names = args.filter((arg) => arg !== '--if-stale');
  for (const name of names) {
    if (!(name in APPS)) throw new Error(`No app named ${name}; the apps are ${Object.keys(APPS).join(', ')}`);
  }
  for (const name of names.length > 0 ? names : Object.keys(APPS)) {
    if (ifStale && staleness(name) === undefined) continue;
    const ms = await buildApp(name);
    console.log(`Built apps/${name}/dist in ${Math.round(ms)} ms`);
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
