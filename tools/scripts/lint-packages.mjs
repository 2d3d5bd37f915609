// Checks the packed libraries as an application meets them: publint for the manifest and the
// files it names, arethetypeswrong for the types each resolution mode finds (Node's CommonJS and
// ES module loaders and bundlers; the pre-exports `node10` mode cannot see `/testing`), and the
// dependencies each manifest declares against those its files use.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dependencyMismatches } from './declared-dependencies.mjs';
import { buildLibraries, packLibraries } from './pack-packages.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'coachline-lint-packages-'));
const run = (command, args) => spawnSync('npx', ['--no-install', command, ...args], { stdio: 'inherit' }).status === 0;

let clean = true;
try {
  buildLibraries();
  for (const { name, folder, tarball } of packLibraries(join(scratch, 'tarballs'), join(scratch, 'staged'))) {
    const { undeclared, unused } = dependencyMismatches(folder);
    if (undeclared.length > 0) console.error(`${name} uses packages it does not declare: ${undeclared.join(', ')}`);
    if (unused.length > 0) console.error(`${name} declares packages it never uses: ${unused.join(', ')}`);
    clean = clean && undeclared.length === 0 && unused.length === 0;
    clean = run('publint', [folder, '--strict']) && clean;
    clean = run('attw', [tarball, '--profile', 'node16', '--format', 'table-flipped']) && clean;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(clean ? 'packages: dependencies, publint and arethetypeswrong clean' : 'packages: problems above');
process.exit(clean ? 0 : 1);
