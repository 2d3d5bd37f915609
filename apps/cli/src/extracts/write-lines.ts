import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** Writes text to a file readable by its owner only: an extract is for the reader it was made for. */
export const writeOwnerOnly = async (path: string, chunks: Iterable<string>): Promise<void> => {
  const file = createWriteStream(path, { encoding: 'utf8', mode: 0o600 });
  try {
    for (const chunk of chunks) if (!file.write(chunk)) await once(file, 'drain');
  } finally {
    file.end();
    await once(file, 'close');
  }
};
