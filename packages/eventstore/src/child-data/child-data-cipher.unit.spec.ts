import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { ChildDataTamperedError, openValue, sealValue } from './child-data-cipher';
import type { ChildKey } from './child-key-store';

const keyOf = (keyId: string): ChildKey => ({ keyId, key: randomBytes(32) });
const place = { stream: 'screening-scr-1', eventId: 'ev-1', field: 'childName' };

/** Flips one bit of a base64 string's bytes. */
const flip = (base64: string, byte: number): string => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[byte % bytes.length]! ^= 0x01;
  return bytes.toString('base64');
};

describe('sealing child data (AES-256-GCM)', () => {
  const key = keyOf('key-1');

  it('opens what it sealed, for any JSON value', () =>
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue()), (value) => {
        const normal = JSON.parse(JSON.stringify(value)) as unknown;
        expect(openValue(sealValue(value, key, place), key, place)).toEqual(normal);
      }),
    ));

  it('never shows the value in what it stores', () =>
    fc.assert(
      fc.property(
        fc.string({ minLength: 4 }).map((s) => `${s} Ava!`),
        (name) => {
          const sealed = JSON.stringify(sealValue(name, key, place));
          expect(sealed).not.toContain(JSON.stringify(name).slice(1, -1));
          expect(sealed).toContain('"keyId":"key-1"');
        },
      ),
    ));

  it('seals the same name differently each time (a fresh iv per value)', () => {
    const a = sealValue('Ava Lindqvist', key, place);
    const b = sealValue('Ava Lindqvist', key, place);
    expect(a.sealed.iv).not.toBe(b.sealed.iv);
    expect(a.sealed.ciphertext).not.toBe(b.sealed.ciphertext);
    expect(Buffer.from(a.sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(a.sealed.tag, 'base64')).toHaveLength(16);
  });

  it('refuses another child’s key, even under the same key id', () => {
    const sealed = sealValue('Ava Lindqvist', key, place);
    expect(() => openValue(sealed, keyOf('key-1'), place)).toThrow(ChildDataTamperedError);
  });

  it('refuses any altered ciphertext, tag or iv', () =>
    fc.assert(
      fc.property(fc.constantFrom('ciphertext', 'tag', 'iv'), fc.nat(), (part, byte) => {
        const sealed = sealValue('Referred to speech therapy', key, place);
        const altered = { sealed: { ...sealed.sealed, [part]: flip(sealed.sealed[part], byte) } };
        expect(() => openValue(altered, key, place)).toThrow(ChildDataTamperedError);
      }),
    ));

  it('refuses a sealed value moved to another event, stream or field', () => {
    const sealed = sealValue('Ava Lindqvist', key, place);
    for (const moved of [
      { ...place, eventId: 'ev-2' },
      { ...place, stream: 'screening-scr-2' },
      { ...place, field: 'action' },
    ])
      expect(() => openValue(sealed, key, moved)).toThrow(ChildDataTamperedError);
  });

  it('does not say what it could not open', () => {
    const sealed = sealValue('Ava Lindqvist', key, place);
    expect(() => openValue(sealed, keyOf('other'), place)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('Ava') }),
    );
  });
});
