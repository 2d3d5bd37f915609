// Builds the library package in the current folder for applications that install it:
//   dist/cjs  CommonJS, one file per source file, with the type declarations (tsc);
//   dist/esm  ES modules, the two entry points and their shared chunks (esbuild), and
//             declaration files that name the same declarations as the CommonJS build.
// The workspace itself never reads dist: its tests and apps resolve the packages to their sources.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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

// fp-ts has no exports map: Node's ES module loader cannot open `fp-ts/Either`, only the file
// `fp-ts/lib/Either.js`, which it reads as CommonJS with its named exports.
const fpTsModulesAsFiles = {
  name: 'fp-ts-modules-as-files',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^fp-ts\/[A-Za-z]+$/ }, ({ path }) => ({
      path: `fp-ts/lib/${path.slice('fp-ts/'.length)}.js`,
      external: true,
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
  plugins: [siblingsAsPackages, fpTsModulesAsFiles],
  // A test helper asks `require.resolve` where a dependency lives; ES modules have no `require`.
  banner: { js: "import { createRequire as __coachlineCreateRequire } from 'node:module';\nconst require = __coachlineCreateRequire(import.meta.url);" },
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
