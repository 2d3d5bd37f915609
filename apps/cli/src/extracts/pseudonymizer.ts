import { createHmac } from 'node:crypto';
import type { Pseudonymize } from '@coachline/projections';

/** 64 bits of the HMAC: no collision to expect among a program's providers, coaches and children. */
const HEX_DIGITS = 16;

/**
 * HMAC-SHA256 of the kind and the id under the pseudonym secret. The kind is part of the message,
 * so a provider and a coach that happen to share an id get unrelated pseudonyms.
 */
export const hmacPseudonymizer = (secret: string): Pseudonymize => {
  const given = new Map<string, string>();
  return (kind, id) => {
    const key = `${kind}\u0000${id}`;
    let pseudonym = given.get(key);
    if (pseudonym === undefined) {
      pseudonym = `${kind}-${createHmac('sha256', secret).update(key, 'utf8').digest('hex').slice(0, HEX_DIGITS)}`;
      given.set(key, pseudonym);
    }
    return pseudonym;
  };
};
