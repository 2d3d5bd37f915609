/**
 * The suite every `ChildKeyStore` passes (jest globals), whatever keeps the keys: memory, a table,
 * a stream per child. Each adapter provides the storage of its vault; the key store is the same
 * wrapping store over each. Call it at the top level of a spec file.
 */
import fc from 'fast-check';
import type { ChildKey, ChildKeyStore } from './child-key-store';
import { useChildKeyHarness, type OpenChildKeyStorage } from './child-key-contract-harness';
import { childKeyRotationContract, type ChildKeyRotationOptions } from './child-key-rotation.contract';

export type { ChildKeyStorage, OpenChildKeyStorage, OpenedChildKeyVault } from './child-key-contract-harness';
export type { ChildKeyRotationOptions } from './child-key-rotation.contract';

const keyOf = (found: ChildKey | 'erased'): ChildKey => {
  if (found === 'erased') throw new Error('The child was not erased, yet the store answered erased.');
  return found;
};

const bytes = (key: ChildKey): string => Buffer.from(key.key).toString('hex');

export const childKeyStoreContract = (
  name: string,
  openStorage: OpenChildKeyStorage,
  options: ChildKeyRotationOptions = {},
): void => {
  describe(`ChildKeyStore contract: ${name}`, () => {
    const harness = useChildKeyHarness(openStorage);
    const child = (label: string) => harness.child(label);
    const open = (): Promise<ChildKeyStore> => harness.open();
    const reopen = async (): Promise<ChildKeyStore> => {
      await harness.closeAll();
      return open();
    };
    it('creates a 256-bit key on a child’s first use and hands the same one back after', async () => {
      const keys = await open();
      const first = keyOf(await keys.keyFor(child('child-1')));
      const again = keyOf(await keys.keyFor(child('child-1')));
      expect(first.key).toHaveLength(32);
      expect(first.keyId.length).toBeGreaterThan(0);
      expect(again.keyId).toBe(first.keyId);
      expect(bytes(again)).toBe(bytes(first));
    });

    it('gives different children different keys and key ids', async () => {
      const keys = await open();
      const first = keyOf(await keys.keyFor(child('child-1')));
      const second = keyOf(await keys.keyFor(child('child-2')));
      expect(second.keyId).not.toBe(first.keyId);
      expect(bytes(second)).not.toBe(bytes(first));
    });

    it('finds a key by its id, and nothing for an id it never made', async () => {
      const keys = await open();
      const made = keyOf(await keys.keyFor(child('child-1')));
      const found = await keys.find(made.keyId);
      expect(found?.keyId).toBe(made.keyId);
      expect(found === undefined ? undefined : bytes(found)).toBe(bytes(made));
      expect(await keys.find(child('no-such-key'))).toBeUndefined();
      expect(await keys.isErased(child('child-1'))).toBe(false);
    });

    it('destroys the key on erasure, never makes one again, and leaves other children alone', async () => {
      const keys = await open();
      const erased = keyOf(await keys.keyFor(child('child-1')));
      const kept = keyOf(await keys.keyFor(child('child-2')));
      await keys.erase(child('child-1'), '2026-01-10');
      expect(await keys.find(erased.keyId)).toBeUndefined();
      expect(await keys.keyFor(child('child-1'))).toBe('erased');
      expect(await keys.isErased(child('child-1'))).toBe(true);
      expect(await keys.isErased(child('child-2'))).toBe(false);
      expect(keyOf(await keys.keyFor(child('child-2'))).keyId).toBe(kept.keyId);
      expect((await keys.find(kept.keyId))?.keyId).toBe(kept.keyId);
    });

    it('takes the same erasure twice, and an erasure of a child that never had a key', async () => {
      const keys = await open();
      keyOf(await keys.keyFor(child('child-1')));
      await keys.erase(child('child-1'), '2026-01-10');
      await expect(keys.erase(child('child-1'), '2026-02-01')).resolves.toBeUndefined();
      await keys.erase(child('child-9'), '2026-01-10');
      expect(await keys.keyFor(child('child-1'))).toBe('erased');
      expect(await keys.keyFor(child('child-9'))).toBe('erased');
      expect(await keys.isErased(child('child-9'))).toBe(true);
    });

    it('hands one key to concurrent first uses, in one process and across two', async () => {
      const [one, other] = [await open(), await open()];
      const all = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? one : other).keyFor(child('child-1'))),
      );
      const ids = new Set(all.map((found) => keyOf(found).keyId));
      expect(ids.size).toBe(1);
      expect(new Set(all.map((found) => bytes(keyOf(found)))).size).toBe(1);
      const [only] = [...ids];
      expect((await other.find(only as string))?.keyId).toBe(only);
    });

    it('keeps keys when the store is opened again', async () => {
      const first = keyOf(await (await open()).keyFor(child('child-1')));
      const keys = await reopen();
      const again = keyOf(await keys.keyFor(child('child-1')));
      expect(again.keyId).toBe(first.keyId);
      expect(bytes(again)).toBe(bytes(first));
      expect((await keys.find(first.keyId))?.keyId).toBe(first.keyId);
    });

    it('keeps erasures when the store is opened again', async () => {
      const before = await open();
      const key = keyOf(await before.keyFor(child('child-1')));
      await before.erase(child('child-1'), '2026-01-10');
      const keys = await reopen();
      expect(await keys.isErased(child('child-1'))).toBe(true);
      expect(await keys.keyFor(child('child-1'))).toBe('erased');
      expect(await keys.find(key.keyId)).toBeUndefined();
    });

    it('keeps each child apart, whatever characters its ref holds', async () => {
      const keys = await open();
      const refs = fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
        .filter((ref) => !ref.includes('\u0000'));
      let round = 0;
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(refs, { minLength: 2, maxLength: 3 }), async (labels) => {
          // Each run of the property erases a child: later runs take refs of their own.
          round += 1;
          const children = labels.map((label) => child(`${round}:${label}`));
          const made = await Promise.all(children.map(async (ref) => keyOf(await keys.keyFor(ref))));
          expect(new Set(made.map((key) => key.keyId)).size).toBe(children.length);
          for (const [index, ref] of children.entries()) {
            expect(keyOf(await keys.keyFor(ref)).keyId).toBe(made[index]?.keyId);
            expect((await keys.find(made[index]?.keyId as string))?.keyId).toBe(made[index]?.keyId);
          }
          const [first, ...rest] = children as [string, ...string[]];
          await keys.erase(first, '2026-01-10');
          expect(await keys.keyFor(first)).toBe('erased');
          for (const ref of rest) expect(await keys.isErased(ref)).toBe(false);
        }),
        { numRuns: 12 },
      );
      // Each round's erasure rotates the key-encryption key over every key made so far.
    }, 60_000);
  });
  childKeyRotationContract(name, openStorage, options);
};
