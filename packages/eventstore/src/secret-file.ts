import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';

/**
 * Writes `text` to a new file beside `path`, readable by its owner alone and flushed to disk, and
 * gives its name: the first half of making a secret file whole or not at all (the caller then
 * renames or links it to `path`, and removes it when that fails).
 */
export const writeSyncedBeside = async (path: string, text: string): Promise<string> => {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temporary;
};
