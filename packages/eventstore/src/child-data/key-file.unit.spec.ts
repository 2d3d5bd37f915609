import { mkdir, mkdtemp, readdir, readFile, rm, stat, chmod, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  inMemoryKeyEncryptionKeys,
  isInsideFolder,
  KEY_FILE_NAME,
  keyEncryptionKeyFile,
  keyFileBeside,
  KeyFileError,
} from './key-file';
import { newKeyEncryptionKey, type KeyEncryptionKey } from './key-wrapping';

const generations = (keys: ReadonlyArray<KeyEncryptionKey> | undefined) => keys?.map((kek) => kek.generation);

describe('the key file', () => {
  let folder: string;
  let path: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'coachline-key-file-'));
    path = join(folder, 'keys', KEY_FILE_NAME);
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('is created on first write, readable by its owner only, in a folder of the owner’s only', async () => {
    const file = keyEncryptionKeyFile(path);
    expect(await file.read('store-1')).toBeUndefined();
    await file.update('store-1', async () => [newKeyEncryptionKey(1)]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(folder, 'keys'))).mode & 0o777).toBe(0o700);
    expect(generations(await file.read('store-1'))).toEqual([1]);
  });

  it('keeps each store’s keys apart, and a store it does not know has none', async () => {
    const file = keyEncryptionKeyFile(path);
    await file.update('store-1', async () => [newKeyEncryptionKey(1), newKeyEncryptionKey(2)]);
    await file.update('store-2', async () => [newKeyEncryptionKey(5)]);
    await file.update('store-1', async (current) => current.filter((kek) => kek.generation >= 2));
    expect(generations(await file.read('store-1'))).toEqual([2]);
    expect(generations(await file.read('store-2'))).toEqual([5]);
    expect(await file.read('store-3')).toEqual([]);
  });

  it('replaces the file whole, leaving no temporary file, and leaves it as it was when a change fails', async () => {
    const file = keyEncryptionKeyFile(path);
    await file.update('store-1', async () => [newKeyEncryptionKey(1)]);
    const before = await readFile(path, 'utf8');
    await expect(file.update('store-1', async () => Promise.reject(new Error('the process died')))).rejects.toThrow(
      'the process died',
    );
    expect(await readFile(path, 'utf8')).toBe(before);
    await file.update('store-1', async (current) => [...current, newKeyEncryptionKey(2)]);
    expect(await readdir(join(folder, 'keys'))).toEqual([KEY_FILE_NAME]);
  });

  it('lets one writer change it at a time: concurrent additions are all kept', async () => {
    const one = keyEncryptionKeyFile(path);
    const other = keyEncryptionKeyFile(path);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 === 0 ? one : other).update('store-1', async (current) => [
          ...current,
          newKeyEncryptionKey(current.length + 1),
        ]),
      ),
    );
    expect(generations(await one.read('store-1'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('takes over a lock left by a process that is gone, and waits for one that is alive', async () => {
    const file = keyEncryptionKeyFile(path);
    await file.update('store-1', async () => [newKeyEncryptionKey(1)]);
    // A pid no process has: the largest Linux allows, and more.
    await writeFile(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 1, host: hostname() }), { mode: 0o600 });
    await file.update('store-1', async (current) => [...current, newKeyEncryptionKey(2)]);
    expect(generations(await file.read('store-1'))).toEqual([1, 2]);
    await writeFile(`${path}.lock`, JSON.stringify({ pid: process.pid, host: hostname() }), { mode: 0o600 });
    let written = false;
    const waiting = file
      .update('store-1', async (current) => [...current, newKeyEncryptionKey(3)])
      .then(() => (written = true));
    await new Promise((done) => setTimeout(done, 200));
    expect(written).toBe(false);
    await rm(`${path}.lock`);
    await waiting;
    expect(generations(await file.read('store-1'))).toEqual([1, 2, 3]);
  });

  it('refuses a key file or a folder other users could read or replace', async () => {
    const file = keyEncryptionKeyFile(path);
    await file.update('store-1', async () => [newKeyEncryptionKey(1)]);
    await chmod(path, 0o644);
    await expect(file.read('store-1')).rejects.toThrow(
      `${path} can be read or written by other users (mode 644): make it 600 (chmod 600 ${path}).`,
    );
    await chmod(path, 0o600);
    await chmod(join(folder, 'keys'), 0o777);
    await expect(file.update('store-1', async () => undefined)).rejects.toThrow(KeyFileError);
    await expect(file.read('store-1')).rejects.toThrow(/can be written by other users \(mode 777\)/);
  });

  it('names the key file’s folder when it cannot be made', async () => {
    await writeFile(join(folder, 'a-file'), 'not a folder');
    const file = keyEncryptionKeyFile(join(folder, 'a-file', 'keys', KEY_FILE_NAME));
    await expect(file.update('store-1', async () => [newKeyEncryptionKey(1)])).rejects.toThrow(
      new KeyFileError(`${join(folder, 'a-file', 'keys')}: cannot make the key file's folder (ENOTDIR).`),
    );
  });

  it('refuses what is not a key file, naming the wrong fields and never showing a key', async () => {
    await mkdir(join(folder, 'keys'), { mode: 0o700 });
    const file = keyEncryptionKeyFile(path);
    await writeFile(path, 'not json', { mode: 0o600 });
    await expect(file.read('store-1')).rejects.toThrow(`${path} is not a Coachline key file: it is not JSON.`);
    const almostKey = 'A'.repeat(42);
    await writeFile(
      path,
      JSON.stringify({
        format: 'coachline-key-encryption-keys',
        stores: [{ store: 's', keys: [{ generation: 0, key: almostKey }] }],
      }),
      { mode: 0o600 },
    );
    const refusal = file.read('s');
    await expect(refusal).rejects.toThrow(
      `${path} is not a Coachline key file: wrong stores.0.keys.0.generation, stores.0.keys.0.key.`,
    );
    await expect(refusal).rejects.not.toThrow(almostKey);
  });
});

describe('where the key file goes', () => {
  it('defaults to a folder beside the data folder, never inside it', () => {
    expect(keyFileBeside('/srv/coachline/.coachline')).toBe(`/srv/coachline/.coachline-keys/${KEY_FILE_NAME}`);
    expect(keyFileBeside('/srv/data/')).toBe(`/srv/data-keys/${KEY_FILE_NAME}`);
    expect(isInsideFolder(keyFileBeside('/srv/data'), '/srv/data')).toBe(false);
    expect(isInsideFolder('/srv/data/keys/key.json', '/srv/data')).toBe(true);
    expect(isInsideFolder('/srv/data', '/srv/data')).toBe(true);
    expect(isInsideFolder('/srv/data-keys/key.json', '/srv/data')).toBe(false);
  });
});

describe('keys held in memory', () => {
  it('keeps each store’s keys apart and hands out copies', async () => {
    const keys = inMemoryKeyEncryptionKeys();
    expect(await keys.read('store-1')).toBeUndefined();
    const [written] = await keys.update('store-1', async () => [newKeyEncryptionKey(1)]);
    (written!.key as Uint8Array).fill(0);
    const [read] = (await keys.read('store-1')) ?? [];
    expect(Buffer.from(read!.key).equals(Buffer.alloc(32))).toBe(false);
    expect(await keys.read('store-2')).toEqual([]);
  });
});
