import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedValue } from '@coachline/domain';
import type { ChildKey } from './child-key-store';

/** Where a sealed value belongs: bound into the ciphertext so it cannot be moved to another event or field. */
export interface SealedPlace {
  readonly stream: string;
  readonly eventId: string;
  readonly field: string;
}

/** A sealed value that does not open with its key: altered, or moved from where it was sealed. */
export class ChildDataTamperedError extends Error {
  override readonly name = 'ChildDataTamperedError';
  constructor(place: SealedPlace) {
    super(
      `The sealed ${place.field} of event ${place.eventId} in ${place.stream} does not open with its key: it was altered or moved.`,
    );
  }
}

const additionalData = (keyId: string, place: SealedPlace): Buffer =>
  Buffer.from(JSON.stringify(['coachline-child-data', keyId, place.stream, place.eventId, place.field]), 'utf8');

/**
 * AES-256-GCM with a random 12-byte iv per value. The value is JSON-encoded first, so a birth
 * date and a name seal alike; the key id, stream, event id and field are authenticated with it.
 */
export const sealValue = (value: unknown, key: ChildKey, place: SealedPlace): SealedValue => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(additionalData(key.keyId, place));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    sealed: {
      keyId: key.keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    },
  };
};

/** The plain value; throws `ChildDataTamperedError` when the ciphertext, tag, iv or place were changed. */
export const openValue = (sealed: SealedValue, key: ChildKey, place: SealedPlace): unknown => {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.sealed.iv, 'base64'), {
      authTagLength: 16,
    });
    decipher.setAAD(additionalData(key.keyId, place));
    decipher.setAuthTag(Buffer.from(sealed.sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.sealed.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    throw new ChildDataTamperedError(place);
  }
};
