import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { ChildKey } from './child-key-store';
import {
  ChildKeyUnwrapError,
  newKeyEncryptionKey,
  unwrapChildKey,
  WRAPPED_KEY_BYTES,
  WRAPPED_KEY_PREFIX,
  wrapChildKey,
} from './key-wrapping';

const childKey = (): ChildKey => ({ keyId: randomUUID(), key: randomBytes(32) });

describe('wrapping a child’s key', () => {
  it('opens with the key-encryption key it was wrapped under, and holds nothing of the key in the clear', () => {
    const kek = newKeyEncryptionKey(3);
    const key = childKey();
    const wrapped = wrapChildKey(key, 'child-1', kek);
    expect(wrapped).toHaveLength(WRAPPED_KEY_BYTES);
    expect(wrapped.subarray(0, WRAPPED_KEY_PREFIX.length)).toEqual(WRAPPED_KEY_PREFIX);
    expect(wrapped.includes(Buffer.from(key.key))).toBe(false);
    expect(unwrapChildKey(wrapped, key.keyId, 'child-1', kek)).toEqual({ keyId: key.keyId, key: Buffer.from(key.key) });
    // A fresh iv each time: two wrappings of one key share nothing an observer could match.
    expect(wrapChildKey(key, 'child-1', kek).equals(wrapped)).toBe(false);
  });

  it('opens with nothing else: another key-encryption key, generation, child, key id, or any altered byte', () => {
    const kek = newKeyEncryptionKey(3);
    const key = childKey();
    const wrapped = wrapChildKey(key, 'child-1', kek);
    expect(() => unwrapChildKey(wrapped, key.keyId, 'child-1', newKeyEncryptionKey(3))).toThrow(ChildKeyUnwrapError);
    expect(() => unwrapChildKey(wrapped, key.keyId, 'child-1', { generation: 4, key: kek.key })).toThrow(
      ChildKeyUnwrapError,
    );
    expect(() => unwrapChildKey(wrapped, key.keyId, 'child-2', kek)).toThrow(ChildKeyUnwrapError);
    expect(() => unwrapChildKey(wrapped, randomUUID(), 'child-1', kek)).toThrow(ChildKeyUnwrapError);
    expect(() => unwrapChildKey(wrapped.subarray(0, WRAPPED_KEY_BYTES - 1), key.keyId, 'child-1', kek)).toThrow(
      ChildKeyUnwrapError,
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: WRAPPED_KEY_BYTES - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const altered = Buffer.from(wrapped);
        altered[at] = altered[at]! ^ flip;
        expect(() => unwrapChildKey(altered, key.keyId, 'child-1', kek)).toThrow(ChildKeyUnwrapError);
      }),
    );
  });

  it('names the key and the generation in its refusal, never a key’s bytes', () => {
    const kek = newKeyEncryptionKey(7);
    const key = childKey();
    const wrapped = wrapChildKey(key, 'child-1', kek);
    let message = '';
    try {
      unwrapChildKey(wrapped, key.keyId, 'child-1', newKeyEncryptionKey(7));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(key.keyId);
    expect(message).toContain('generation 7');
    for (const secret of [key.key, kek.key, wrapped]) {
      expect(message).not.toContain(Buffer.from(secret).toString('base64'));
      expect(message).not.toContain(Buffer.from(secret).toString('hex'));
    }
  });
});
