// Which packages a built library's files load or name in their types, against what its manifest
// declares: an application gets exactly the declared dependencies, so both lists must be empty.
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';

const SPECIFIER = /(?:require\(|from |import\()\s*['"]([^.'"][^'"]*)['"]/g;

const filesUnder = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );

const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** `{ undeclared, unused }` for the package staged in `folder` (its package.json and dist). */
export const dependencyMismatches = (folder) => {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  const used = new Set();
  for (const file of filesUnder(join(folder, 'dist'))) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      if (isBuiltin(specifier)) continue;
      const name = packageOf(specifier);
      // A declaration file's `pg` is satisfied by `@types/pg`.
      used.add(file.endsWith('.d.ts') && declared.has(`@types/${name}`) ? `@types/${name}` : name);
    }
  }
  return {
    undeclared: [...used].filter((name) => !declared.has(name)).sort(),
    unused: [...declared].filter((name) => !used.has(name)).sort(),
  };
};
