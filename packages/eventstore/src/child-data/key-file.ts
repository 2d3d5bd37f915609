import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fieldErrors, struct } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { KeyEncryptionKey } from './key-wrapping';
import { writeSyncedBeside } from '../secret-file';

/** The key file is missing, unreadable, shared too widely, or not the one the store needs. */
export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';
}

/**
 * Where the key-encryption keys live: outside the database, so that nothing the database keeps
 * (its files, write-ahead log, backups, replicas) opens a child's key on its own. One file holds
 * the keys of any number of stores, each under the store's id.
 */
export interface KeyEncryptionKeyFile {
  /** Where the keys are, for messages. */
  readonly location: string;
  /** The store's keys, oldest first; `undefined` when there is no key file at all. */
  read(storeId: string): Promise<ReadonlyArray<KeyEncryptionKey> | undefined>;
  /**
   * Changes the store's keys under a lock held across `change`, which returns the new list or
   * `undefined` to leave them; the file is replaced atomically. Resolves to the keys after.
   */
  update(
    storeId: string,
    change: (current: ReadonlyArray<KeyEncryptionKey>) => Promise<ReadonlyArray<KeyEncryptionKey> | undefined>,
  ): Promise<ReadonlyArray<KeyEncryptionKey>>;
}

export const KEY_FILE_NAME = 'key-encryption-key.json';
const FORMAT = 'coachline-key-encryption-keys';

/**
 * The default key file of a store kept in `folder` (an embedded database's data folder): in a
 * folder beside it, `<folder>-keys/`, never inside it, so a copy of the data folder is not a copy
 * of the key.
 */
export const keyFileBeside = (folder: string): string => {
  const absolute = resolve(folder);
  return join(dirname(absolute), `${basename(absolute)}-keys`, KEY_FILE_NAME);
};

/** True when `file` lies inside `folder` (or is the folder). */
export const isInsideFolder = (file: string, folder: string): boolean => {
  const path = relative(resolve(folder), resolve(file));
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
};

const Generation = new t.Type<number, number, unknown>(
  'Generation',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 1,
  (u, c) =>
    typeof u === 'number' && Number.isSafeInteger(u) && u >= 1
      ? t.success(u)
      : t.failure(u, c, 'expected a whole number from 1'),
  t.identity,
);

// The value is never shown in a message: it is, or is meant to be, a key.
const isKeyText = (u: unknown): u is string => typeof u === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(u);
const KeyText = new t.Type<string, string, unknown>(
  'KeyText',
  isKeyText,
  (u, c) => (isKeyText(u) ? t.success(u) : t.failure(u, c, 'expected 32 bytes in base64')),
  t.identity,
);

const KeyFileContent = struct('KeyFile', {
  format: t.literal(FORMAT),
  stores: t.array(
    struct('KeyFileStore', {
      store: t.string,
      keys: t.array(struct('KeyFileKey', { generation: Generation, key: KeyText })),
    }),
  ),
});
type KeyFileContent = t.TypeOf<typeof KeyFileContent>;

const decodeContent = (path: string, text: string): KeyFileContent => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyFileError(`${path} is not a Coachline key file: it is not JSON.`);
  }
  const decoded = KeyFileContent.decode(parsed);
  if (E.isLeft(decoded)) {
    const fields = fieldErrors(decoded.left).map((field) => field.path || '(the whole file)');
    throw new KeyFileError(`${path} is not a Coachline key file: wrong ${[...new Set(fields)].join(', ')}.`);
  }
  return decoded.right;
};

const keysOf = (content: KeyFileContent, storeId: string): KeyEncryptionKey[] =>
  (content.stores.find((entry) => entry.store === storeId)?.keys ?? [])
    .map((entry) => ({ generation: entry.generation, key: Buffer.from(entry.key, 'base64') }))
    .sort((a, b) => a.generation - b.generation);

const withKeys = (content: KeyFileContent, storeId: string, keys: ReadonlyArray<KeyEncryptionKey>): KeyFileContent => ({
  format: FORMAT,
  stores: [
    ...content.stores.filter((entry) => entry.store !== storeId),
    ...(keys.length === 0
      ? []
      : [
          {
            store: storeId,
            keys: keys.map((kek) => ({ generation: kek.generation, key: Buffer.from(kek.key).toString('base64') })),
          },
        ]),
  ],
});

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/** Refuses a key file or folder other users could read or replace, as ssh refuses such a private key. */
const checkModes = async (path: string): Promise<void> => {
  const folder = await stat(dirname(path));
  if ((folder.mode & 0o022) !== 0)
    throw new KeyFileError(
      `${dirname(path)} can be written by other users (mode ${(folder.mode & 0o777).toString(8)}): make it 700 (chmod 700 ${dirname(path)}).`,
    );
  const file = await stat(path).catch((error: unknown) =>
    errorCode(error) === 'ENOENT' ? undefined : Promise.reject(error),
  );
  if (file !== undefined && (file.mode & 0o077) !== 0)
    throw new KeyFileError(
      `${path} can be read or written by other users (mode ${(file.mode & 0o777).toString(8)}): make it 600 (chmod 600 ${path}).`,
    );
};

const readContent = async (path: string): Promise<KeyFileContent | undefined> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new KeyFileError(`${path}: cannot read the key file (${errorCode(error) ?? 'error'}).`);
  }
  await checkModes(path);
  return decodeContent(path, text);
};

/** Write a temporary file, flush it, rename it over the key file, flush the folder: the file is whole before or after, never half. */
const writeAtomically = async (path: string, text: string): Promise<void> => {
  const temporary = await writeSyncedBeside(path, text);
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
};

const LOCK_WAIT_MS = 15_000;
const LOCK_RETRY_MS = 25;
/** A lock file left empty (a crash between creating and writing it) is stale after this long. */
const EMPTY_LOCK_STALE_MS = 5_000;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
};

/** A lock left by a process of this host that is gone. */
const isStale = async (lock: string): Promise<boolean> => {
  try {
    const text = await readFile(lock, 'utf8');
    const holder = JSON.parse(text) as { pid?: unknown; host?: unknown };
    if (typeof holder.pid === 'number' && holder.host === hostname()) return !isAlive(holder.pid);
    return false;
  } catch {
    const info = await stat(lock).catch(() => undefined);
    return info !== undefined && Date.now() - info.mtimeMs > EMPTY_LOCK_STALE_MS;
  }
};

/** One writer of the key file at a time, across processes: a lock file created exclusively beside it. */
const withLock = async <T>(path: string, work: () => Promise<T>): Promise<T> => {
  const lock = `${path}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      if (await isStale(lock)) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new KeyFileError(
          `${path} stays locked by another process (${lock}); remove the lock file if no Coachline process is running.`,
        );
      await new Promise((done) => setTimeout(done, LOCK_RETRY_MS));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
};

/** The key file at `path` (mode 0600 in a 0700 folder, both created on first write). */
export const keyEncryptionKeyFile = (path: string): KeyEncryptionKeyFile => {
  const absolute = resolve(path);
  return {
    location: absolute,
    read: async (storeId) => {
      const content = await readContent(absolute);
      return content === undefined ? undefined : keysOf(content, storeId);
    },
    update: async (storeId, change) => {
      await mkdir(dirname(absolute), { recursive: true, mode: 0o700 }).catch((error: unknown) => {
        throw new KeyFileError(
          `${dirname(absolute)}: cannot make the key file's folder (${errorCode(error) ?? 'error'}).`,
        );
      });
      await checkModes(absolute);
      return withLock(absolute, async () => {
        const content = (await readContent(absolute)) ?? { format: FORMAT, stores: [] };
        const changed = await change(keysOf(content, storeId));
        if (changed === undefined) return keysOf(content, storeId);
        const next = withKeys(content, storeId, changed);
        await writeAtomically(absolute, `${JSON.stringify(next, null, 2)}\n`).catch((error: unknown) => {
          throw new KeyFileError(`${absolute}: cannot write the key file (${errorCode(error) ?? 'error'}).`);
        });
        return keysOf(next, storeId);
      });
    },
  };
};

/** Keys held by the process alone: the `memory:` store and tests. They go with the process. */
export const inMemoryKeyEncryptionKeys = (): KeyEncryptionKeyFile => {
  const stores = new Map<string, ReadonlyArray<KeyEncryptionKey>>();
  let queue: Promise<unknown> = Promise.resolve();
  const copy = (keys: ReadonlyArray<KeyEncryptionKey>) =>
    keys.map((kek) => ({ generation: kek.generation, key: Buffer.from(kek.key) }));
  return {
    location: 'the process’s memory',
    read: async (storeId) => (stores.size === 0 ? undefined : copy(stores.get(storeId) ?? [])),
    update: (storeId, change) => {
      const run = queue.then(async () => {
        const changed = await change(copy(stores.get(storeId) ?? []));
        if (changed !== undefined) stores.set(storeId, copy([...changed].sort((a, b) => a.generation - b.generation)));
        return copy(stores.get(storeId) ?? []);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
};
