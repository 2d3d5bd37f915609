/**
 * The part of the key store contract about wrapping (jest globals): keys kept only wrapped under
 * a key-encryption key held in a key file, rotated on every erasure so that no wrapped copy taken
 * before opens anything, and a rotation cut short at any step finished at the next opening
 * without losing a live child's key.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildKey } from './child-key-store';
import { useChildKeyHarness, type OpenChildKeyStorage } from './child-key-contract-harness';
import type { ChildKeyVault, WrappedChildKey } from './child-key-vault';
import { KEY_FILE_NAME, KeyFileError, keyEncryptionKeyFile, type KeyEncryptionKeyFile } from './key-file';
import { newKeyEncryptionKey, unwrapChildKey, WRAPPED_KEY_PREFIX, type KeyEncryptionKey } from './key-wrapping';

const keyOf = (found: ChildKey | 'erased' | undefined): ChildKey => {
  if (found === undefined || found === 'erased') throw new Error(`Expected a key, got ${String(found)}.`);
  return found;
};

const bytes = (key: ChildKey | 'erased' | undefined): string => Buffer.from(keyOf(key).key).toString('hex');

const rowOf = async (vault: ChildKeyVault, childRef: string): Promise<WrappedChildKey> => {
  const row = await vault.byChild(childRef);
  if (row === undefined || row === 'erased') throw new Error(`The vault holds no key for ${childRef}.`);
  return row;
};

/** Whether any of the keys opens the wrapped key, whichever generation it is taken for. */
const opensWith = (row: WrappedChildKey, keks: ReadonlyArray<KeyEncryptionKey>): boolean =>
  keks.some((kek) =>
    [kek.generation, row.generation].some((generation) => {
      try {
        unwrapChildKey(row.wrapped, row.keyId, row.childRef, { generation, key: kek.key });
        return true;
      } catch {
        return false;
      }
    }),
  );

class Crash extends Error {
  override readonly name = 'Crash';
  constructor(point: string) {
    super(`crash: ${point}`);
  }
}

/** The steps of an erasure a process can die after (or, for the first key file write, before). */
const CRASH_POINTS = [
  'the erasure is recorded',
  'the new key is about to be written',
  'the new key is written',
  'part of the keys are re-wrapped',
  'every key is re-wrapped',
  'the vault is compacted',
  'the older key is about to be forgotten',
] as const;
type CrashPoint = (typeof CRASH_POINTS)[number];

interface Faults {
  readonly point: CrashPoint;
  armed: boolean;
}

const crashingVault = (vault: ChildKeyVault, faults: Faults): ChildKeyVault => {
  const at = (point: CrashPoint) => {
    if (faults.armed && faults.point === point) throw new Crash(point);
  };
  return {
    state: () => vault.state(),
    holdsWrappedKeys: () => vault.holdsWrappedKeys(),
    byChild: (childRef) => vault.byChild(childRef),
    byKeyId: (keyId) => vault.byKeyId(keyId),
    isErased: (childRef) => vault.isErased(childRef),
    create: (childRef, keyId, wrapAt) => vault.create(childRef, keyId, wrapAt),
    erase: async (childRef, on) => {
      const owed = await vault.erase(childRef, on);
      at('the erasure is recorded');
      return owed;
    },
    rewrapAll: async (from, to, rewrap) => {
      let rewrapped = 0;
      await vault.rewrapAll(from, to, async (key) => {
        if ((rewrapped += 1) > 1) at('part of the keys are re-wrapped');
        return rewrap(key);
      });
      at('every key is re-wrapped');
    },
    compact: async () => {
      await vault.compact();
      at('the vault is compacted');
    },
  };
};

/** The erasure's first write of the key file adds the new key; its second forgets the older one. */
const crashingFile = (file: KeyEncryptionKeyFile, faults: Faults): KeyEncryptionKeyFile => {
  let writes = 0;
  return {
    location: file.location,
    read: (storeId) => file.read(storeId),
    update: async (storeId, change) => {
      if (!faults.armed) return file.update(storeId, change);
      writes += 1;
      if (writes === 1 && faults.point === 'the new key is about to be written') throw new Crash(faults.point);
      if (writes === 2 && faults.point === 'the older key is about to be forgotten') throw new Crash(faults.point);
      const keys = await file.update(storeId, change);
      if (writes === 1 && faults.point === 'the new key is written') throw new Crash(faults.point);
      return keys;
    },
  };
};

export interface ChildKeyRotationOptions {
  /** The adapter kept raw keys before wrapping, and its storage can write one (`writeRawKey`). */
  readonly rawKeys?: boolean;
}

export const childKeyRotationContract = (
  name: string,
  openStorage: OpenChildKeyStorage,
  options: ChildKeyRotationOptions = {},
): void => {
  describe(`ChildKeyStore wrapping and rotation: ${name}`, () => {
    const harness = useChildKeyHarness(openStorage);
    const child = (label: string) => harness.child(label);
    const fileKeys = async (vault: ChildKeyVault): Promise<ReadonlyArray<KeyEncryptionKey>> =>
      (await harness.keyFile.read((await vault.state()).storeId)) ?? [];

    /** The store at one generation, nothing owed nor under way, the key file holding that generation alone. */
    const expectSettled = async (vault: ChildKeyVault): Promise<ReadonlyArray<KeyEncryptionKey>> => {
      const keks = await fileKeys(vault);
      expect(keks).toHaveLength(1);
      const state = await vault.state();
      expect({ generation: state.generation, rotationOwed: state.rotationOwed, rotatingTo: state.rotatingTo }).toEqual({
        generation: keks[0]!.generation,
        rotationOwed: false,
        rotatingTo: undefined,
      });
      return keks;
    };

    it('keeps each key only wrapped, under the key file’s key and bound to its child', async () => {
      const keys = await harness.open();
      const made = keyOf(await keys.keyFor(child('a')));
      const vault = await harness.openVault();
      const row = await rowOf(vault, child('a'));
      expect(row.keyId).toBe(made.keyId);
      expect(row.generation).toBeGreaterThanOrEqual(1);
      expect(Buffer.from(row.wrapped).subarray(0, WRAPPED_KEY_PREFIX.length)).toEqual(WRAPPED_KEY_PREFIX);
      expect(Buffer.from(row.wrapped).includes(Buffer.from(made.key))).toBe(false);
      const [kek] = await expectSettled(vault);
      expect(Buffer.from(unwrapChildKey(row.wrapped, row.keyId, row.childRef, kek!).key).toString('hex')).toBe(
        bytes(made),
      );
      expect(opensWith({ ...row, childRef: child('b') }, [kek!])).toBe(false);
      expect((await readFile(harness.keyFilePath)).includes(Buffer.from(made.key))).toBe(false);
    });

    it('rotates the key-encryption key on erasure: no copy wrapped before opens, every live key opens as before', async () => {
      const keys = await harness.open();
      const vault = await harness.openVault();
      const live = [child('a'), child('b')];
      const erased = child('x');
      const before = new Map<string, string>();
      for (const ref of [...live, erased]) before.set(ref, bytes(await keys.keyFor(ref)));
      const rowsBefore = await Promise.all([...live, erased].map((ref) => rowOf(vault, ref)));
      const keksBefore = await fileKeys(vault);

      await keys.erase(erased, '2026-01-10');

      const keksAfter = await expectSettled(vault);
      expect(keksAfter[0]!.generation).toBeGreaterThan(Math.max(...keksBefore.map((kek) => kek.generation)));
      for (const row of rowsBefore) expect(opensWith(row, keksAfter)).toBe(false);
      const keyFileText = await readFile(harness.keyFilePath);
      for (const kek of keksBefore) {
        expect(keyFileText.includes(Buffer.from(kek.key).toString('base64'))).toBe(false);
        expect(keyFileText.includes(Buffer.from(kek.key))).toBe(false);
      }
      for (const ref of live) {
        expect(bytes(await keys.keyFor(ref))).toBe(before.get(ref));
        const row = await rowOf(vault, ref);
        expect(row.generation).toBe(keksAfter[0]!.generation);
        expect(opensWith(row, keksAfter)).toBe(true);
      }
      expect(await vault.byChild(erased)).toBe('erased');
    });

    it('follows rotations made by another process that opened the store before them', async () => {
      const one = await harness.open();
      const other = await harness.open();
      const a = keyOf(await one.keyFor(child('a')));
      keyOf(await one.keyFor(child('x')));
      expect(bytes(await other.find(a.keyId))).toBe(bytes(a));
      await one.erase(child('x'), '2026-01-10');
      expect(bytes(await other.find(a.keyId))).toBe(bytes(a));
      const c = keyOf(await other.keyFor(child('c')));
      expect(bytes(await one.find(c.keyId))).toBe(bytes(c));
      await other.erase(child('a'), '2026-01-11');
      expect(await one.find(a.keyId)).toBeUndefined();
      expect(bytes(await one.find(c.keyId))).toBe(bytes(c));
    });

    it('refuses to open without its key file, with a key file from before a rotation, or with another store’s', async () => {
      const keys = await harness.open();
      const a = keyOf(await keys.keyFor(child('a')));
      keyOf(await keys.keyFor(child('x')));
      const older = await readFile(harness.keyFilePath);
      await keys.erase(child('x'), '2026-01-10');
      const current = await readFile(harness.keyFilePath);
      await harness.closeAll();

      await rename(harness.keyFilePath, `${harness.keyFilePath}.away`);
      try {
        await expect(harness.open()).rejects.toThrow(KeyFileError);
        await expect(harness.open()).rejects.toThrow(/does not exist/);
      } finally {
        await rename(`${harness.keyFilePath}.away`, harness.keyFilePath);
      }
      await writeFile(harness.keyFilePath, older, { mode: 0o600 });
      try {
        await expect(harness.open()).rejects.toThrow(/not the key file this store was last used with/);
      } finally {
        await writeFile(harness.keyFilePath, current, { mode: 0o600 });
      }
      const elsewhere = keyEncryptionKeyFile(join(`${harness.keyFilePath}-of-another-store`, KEY_FILE_NAME));
      await elsewhere.update('another-store', async () => [newKeyEncryptionKey(1)]);
      await expect(harness.open({ file: elsewhere })).rejects.toThrow(/another store/);

      const again = await harness.open();
      expect(bytes(await again.keyFor(child('a')))).toBe(bytes(a));
    });

    it('hands out keys that stay whole while another process erases and rotates', async () => {
      const one = await harness.open();
      const other = await harness.open();
      const victims = [1, 2, 3].map((i) => child(`victim-${i}`));
      const kept = [1, 2, 3, 4, 5, 6].map((i) => child(`kept-${i}`));
      for (const ref of victims) keyOf(await one.keyFor(ref));
      const [handed] = await Promise.all([
        Promise.all(kept.map(async (ref) => bytes(await one.keyFor(ref)))),
        Promise.all(victims.map((ref) => other.erase(ref, '2026-01-10'))),
      ]);
      await harness.closeAll();
      const after = await harness.open();
      expect(await Promise.all(kept.map(async (ref) => bytes(await after.keyFor(ref))))).toEqual(handed);
      for (const ref of victims) expect(await after.keyFor(ref)).toBe('erased');
      await expectSettled(await harness.openVault());
    });

    it.each(CRASH_POINTS)(
      'finishes an erasure’s rotation cut short when %s, losing no live child’s key',
      async (point) => {
        const faults: Faults = { point, armed: false };
        const keys = await harness.open({
          wrapVault: (vault) => crashingVault(vault, faults),
          file: crashingFile(harness.keyFile, faults),
        });
        const live = [child('a'), child('b'), child('c')];
        const erased = child('x');
        const before = new Map<string, string>();
        for (const ref of [...live, erased]) before.set(ref, bytes(await keys.keyFor(ref)));
        const inspect = await harness.openVault();
        const rowsBefore = await Promise.all([...live, erased].map((ref) => rowOf(inspect, ref)));

        faults.armed = true;
        await expect(keys.erase(erased, '2026-01-10')).rejects.toThrow(`crash: ${point}`);
        await harness.closeAll();

        const restarted = await harness.open();
        for (const ref of live) expect(bytes(await restarted.keyFor(ref))).toBe(before.get(ref));
        expect(await restarted.keyFor(erased)).toBe('erased');
        const keks = await expectSettled(await harness.openVault());
        for (const row of rowsBefore) expect(opensWith(row, keks)).toBe(false);
      },
    );

    if (options.rawKeys === true) {
      it('wraps the raw keys of a store from before wrapping when it is first opened', async () => {
        const raw: ChildKey = { keyId: randomUUID(), key: randomBytes(32) };
        const writeRawKey = harness.storage.writeRawKey;
        if (writeRawKey === undefined) throw new Error('This storage cannot write a raw key.');
        await writeRawKey.call(harness.storage, child('legacy'), raw);
        const keys = await harness.open();
        expect(bytes(await keys.keyFor(child('legacy')))).toBe(bytes(raw));
        expect(bytes(await keys.find(raw.keyId))).toBe(bytes(raw));
        const vault = await harness.openVault();
        const row = await rowOf(vault, child('legacy'));
        expect(row.generation).toBeGreaterThanOrEqual(1);
        expect(Buffer.from(row.wrapped).includes(Buffer.from(raw.key))).toBe(false);
        await expectSettled(vault);
      });
    }
  });
};
