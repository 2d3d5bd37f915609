// Builds every library package and packs it as an application installs it:
//   node tools/scripts/pack-packages.mjs [destination]   (default: tmp/packages)
// prints one tarball path a line. In the workspace each package.json sends `@coachline/*` to the
// sources, so the apps and tests run without a build; the manifest that is packed takes its
// `main`, `types`, `module` and `exports` from `publishConfig`, as pnpm and yarn do when they
// publish, and leaves out what only the workspace needs.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** In the order they depend on each other: each build reads the declarations of the ones before. */
export const LIBRARIES = [
  'domain',
  'projections',
  'eventstore',
  'eventstore-postgres',
  'eventstore-esdb',
  'views',
  'store-opener',
];

const WORKSPACE_ONLY = ['scripts', 'devDependencies', 'nx', 'publishConfig'];

/** The package.json an application receives, from the workspace's one. */
export const packedManifest = (workspaceManifest) => {
  const { publishConfig = {}, ...rest } = workspaceManifest;
  const manifest = { ...rest, ...publishConfig };
  for (const key of WORKSPACE_ONLY) delete manifest[key];
  return manifest;
};

export const buildLibraries = () => {
  for (const library of LIBRARIES) {
    const built = spawnSync(process.execPath, [join(root, 'tools/scripts/build-package.mjs')], {
      cwd: join(root, 'packages', library),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (built.status !== 0) throw new Error(`the build of packages/${library} failed`);
  }
};

/**
 * Stages each built library as it will be packed (its manifest and what its `files` names: dist and
 * the changelog) under `staging`, and packs it into `destination`. Returns the staged folders and
 * the tarballs.
 */
export const packLibraries = (destination, staging = mkdtempSync(join(tmpdir(), 'coachline-stage-'))) => {
  mkdirSync(destination, { recursive: true });
  return LIBRARIES.map((library) => {
    const source = join(root, 'packages', library);
    const folder = join(staging, library);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const manifest = packedManifest(JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')));
    writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const entry of manifest.files) cpSync(join(source, entry), join(folder, entry), { recursive: true });
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
        cwd: folder,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    return { library, name: manifest.name, folder, tarball: join(destination, packed[0].filename) };
  });
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const destination = resolve(process.argv[2] ?? join(root, 'tmp', 'packages'));
  buildLibraries();
  for (const { tarball } of packLibraries(destination)) console.log(tarball);
}
