import fc from 'fast-check';
import { hmacPseudonymizer } from './pseudonymizer';

const secret = fc.string({ minLength: 32, maxLength: 64 });
const id = fc.string({ minLength: 1, maxLength: 40 });

describe('pseudonyms', () => {
  it('are the kind, a dash and 16 hex digits, and the same id under the same secret always gets the same one', () =>
    fc.assert(
      fc.property(secret, id, (key, providerId) => {
        const pseudonym = hmacPseudonymizer(key)('provider', providerId);
        expect(pseudonym).toMatch(/^provider-[0-9a-f]{16}$/);
        expect(hmacPseudonymizer(key)('provider', providerId)).toBe(pseudonym);
      }),
    ));

  it('differ under another secret, and between a provider and a coach with the same id', () =>
    fc.assert(
      fc.property(secret, secret, id, (a, b, shared) => {
        fc.pre(a !== b);
        expect(hmacPseudonymizer(a)('child', shared)).not.toBe(hmacPseudonymizer(b)('child', shared));
        expect(hmacPseudonymizer(a)('provider', shared).slice(-16)).not.toBe(
          hmacPseudonymizer(a)('coach', shared).slice(-16),
        );
      }),
    ));

  it('is HMAC-SHA256 of the kind and the id', () => {
    // As openssl computes it: printf 'provider\0p-017' | openssl dgst -sha256 -hmac "$(printf 'k%.0s' {1..32})"
    expect(hmacPseudonymizer('k'.repeat(32))('provider', 'p-017')).toBe('provider-d91553252b9e5277');
  });
});
