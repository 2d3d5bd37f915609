import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();

/**
 * The first file, in path order, that is only in one of two folders or differs between them, with
 * what is wrong with it; `undefined` when the folders hold the same files with the same bytes.
 * Naming one file is enough to point at the stale page without drowning a failure in a diff.
 */
export const firstDifferingFile = (committed: string, generated: string): string | undefined => {
  const committedFiles = filesUnder(committed);
  const generatedFiles = new Set(filesUnder(generated));
  const all = [...new Set([...committedFiles, ...generatedFiles])].sort();
  const committedSet = new Set(committedFiles);
  for (const file of all) {
    if (!generatedFiles.has(file)) return `${file} is committed but no longer generated`;
    if (!committedSet.has(file)) return `${file} is generated but not committed`;
    if (!readFileSync(join(committed, file)).equals(readFileSync(join(generated, file)))) return `${file} differs`;
  }
  return undefined;
};
