import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every folder under `folder` (itself included) that is not 0700, and every file that is not
 * 0600: what another user of the host could read. Empty when the folder is private.
 */
export const filesOpenToOthers = async (folder: string): Promise<string[]> => {
  const found: string[] = [];
  const pending = [folder];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (((await stat(next)).mode & 0o777) !== 0o700) found.push(`${next}/`);
    for (const entry of await readdir(next, { withFileTypes: true })) {
      const path = join(next, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (((await stat(path)).mode & 0o777) !== 0o600) found.push(path);
    }
  }
  return found;
};
