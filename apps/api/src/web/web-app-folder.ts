import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The repository's root: the nearest folder above this module holding the workspaces'
 * package.json. The API runs from its sources in tests and from apps/api/dist under `npm start`;
 * both sit inside the repository, at different depths.
 */
const repositoryRoot = (from: string): string | undefined => {
  for (let folder = from; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown }).workspaces !== undefined)
          return folder;
      } catch {
        // A package.json that is not JSON is not the root's; keep looking up.
      }
    }
    if (dirname(folder) === folder) return undefined;
  }
};

/** Where the built web app is: COACHLINE_WEB_DIR when set, otherwise apps/web/dist of the repository. */
export const webAppFolder = (configured: string | undefined, from: string = __dirname): string => {
  if (configured !== undefined) return resolve(configured);
  const root = repositoryRoot(from) ?? process.cwd();
  return join(root, 'apps', 'web', 'dist');
};
