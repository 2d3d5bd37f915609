// Builds the library package in the current folder for applications that install it:
//   dist/cjs  CommonJS, one file per source file, with the type declarations (tsc);
//   dist/esm  ES modules, the two entry points and their shared chunks (esbuild), and
//             declaration files that name the same declarations as the CommonJS build.
// The workspace itself never reads dist: its tests and apps resolve the packages to their sources.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';

const ENTRIES = ['index', 'testing'];
const packageDir = process.cwd();
const dist = join(packageDir, 'dist');
const require = createRequire(import.meta.url);

rmSync(dist, { recursive: true, force: true });

const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: packageDir,
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// Packages without an exports map (fp-ts, @eventstore/db-client) can be reached below their root
// by CommonJS, which finds `fp-ts/Either` through a folder and `generated/streams_pb` without an
// extension; Node's ES module loader does neither, nor can it always see what a CommonJS file
// exports (protobuf's generated files). So the ES module build requires such a file, by its full
// name, through a one-line CommonJS wrapper: one copy of it, shared with the package's own code.
const COMMONJS_FILE = 'commonjs-file';
const packageRequire = createRequire(join(packageDir, 'package.json'));
/** The package's manifest, or undefined where its exports map hides it (it has one, then). */
const manifestOf = (name) => {
  try {
    return packageRequire.resolve(`${name}/package.json`);
  } catch (error) {
    if (error.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
};
const deepImportsAsFiles = {
  name: 'deep-imports-as-files',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^(@[^/]+\/)?[^@./][^/]*\/./ }, ({ path, namespace }) => {
      if (isBuiltin(path) || namespace === COMMONJS_FILE) return { path, external: true };
      const name = path
        .split('/')
        .slice(0, path.startsWith('@') ? 2 : 1)
        .join('/');
      const manifestPath = manifestOf(name);
      if (manifestPath === undefined || JSON.parse(readFileSync(manifestPath, 'utf8')).exports !== undefined) {
        return { path, external: true };
      }
      const file = relative(dirname(manifestPath), packageRequire.resolve(path)).split(sep).join('/');
      return { path: `${name}/${file}`, namespace: COMMONJS_FILE };
    });
    esbuild.onLoad({ filter: /.*/, namespace: COMMONJS_FILE }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(path)});`,
      loader: 'js',
    }));
  },
};

// The other Coachline packages are dependencies like any other, not sources to copy in (the
// workspace's tsconfig paths would otherwise lead esbuild to their sources).
const siblingsAsPackages = {
  name: 'siblings-as-packages',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@coachline\// }, ({ path }) => ({ path, external: true }));
  },
};

const result = await build({
  absWorkingDir: packageDir,
  entryPoints: Object.fromEntries(ENTRIES.map((entry) => [entry, `src/${entry}.ts`])),
  outdir: 'dist/esm',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  plugins: [siblingsAsPackages, deepImportsAsFiles],
  // ES modules have no `require`: the wrappers above need one, and a test helper asks
  // `require.resolve` where a dependency lives.
  banner: {
    js: "import { createRequire as __coachlineCreateRequire } from 'node:module';\nconst require = __coachlineCreateRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
});

// The package's main entry must load without the test helpers' optional peer dependency.
const mainOutput = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === 'src/index.ts');
const reached = new Set();
const visit = (file) => {
  if (reached.has(file)) return;
  reached.add(file);
  for (const imported of result.metafile.outputs[file]?.imports ?? []) visit(imported.path);
};
visit(mainOutput[0]);
if (reached.has('fast-check')) {
  console.error('the main entry imports fast-check, which only the testing entry may need');
  process.exit(1);
}

mkdirSync(join(dist, 'esm'), { recursive: true });
for (const entry of ENTRIES) {
  writeFileSync(join(dist, 'esm', `${entry}.d.mts`), `export * from '../cjs/${entry}.js';\n`);
}
