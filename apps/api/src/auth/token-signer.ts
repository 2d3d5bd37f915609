import { Actor, Instant, isId, Role } from '@coachline/domain';
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'coachline';
const AUDIENCE = 'coachline-api';
const ALGORITHM = 'HS256';
const MAX_VERIFIED = 10_000;

export const MintedToken = t.type({ token: t.string, actor: Actor, expiresAt: Instant }, 'MintedToken');
export type MintedToken = t.TypeOf<typeof MintedToken>;

/** Why a bearer token was not accepted; the 401 says so. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/**
 * Signs and verifies the API's bearer tokens: `sub` is the actor's id, `role` one of the domain's
 * roles. A provider's `sub` is their provider id. Verification checks signature, issuer, audience
 * and expiry, then the claims against the domain's Actor codec.
 */
export class TokenSigner {
  private readonly key: Uint8Array;
  /** Tokens already verified, until they expire: the same token comes with every request of a session. */
  private readonly verified = new Map<string, { readonly actor: Actor; readonly expiresAtMs: number }>();

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async mint(actor: Actor, lifetimeSeconds: number): Promise<MintedToken> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + lifetimeSeconds;
    const token = await new SignJWT({ role: actor.role })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(actor.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, actor, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  async verify(token: string): Promise<Actor> {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (Date.now() < known.expiresAtMs) return known.actor;
      this.verified.delete(token);
    }
    const { actor, expiresAtMs } = await this.check(token);
    this.verified.set(token, { actor, expiresAtMs });
    if (this.verified.size > MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
    return actor;
  }

  private async check(token: string): Promise<{ actor: Actor; expiresAtMs: number }> {
    let payload: { sub?: unknown; role?: unknown; exp?: number };
    try {
      ({ payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM], requiredClaims: ['sub', 'exp'] }));
    } catch (error) {
      throw new InvalidTokenError(error instanceof joseErrors.JWTExpired ? 'The token has expired.' : 'The token is not valid.');
    }
    // The actor's id is written into every event they record, so it must be an id by the domain's grammar.
    if (typeof payload.sub !== 'string' || !isId(payload.sub)) throw new InvalidTokenError("The token's subject cannot be recorded: it is not an id.");
    const actor = Actor.decode({ id: payload.sub, role: payload.role });
    if (E.isLeft(actor)) throw new InvalidTokenError(`The token's claims are not valid: role must be one of ${Role.values.join(', ')}.`);
    return { actor: actor.right, expiresAtMs: payload.exp! * 1000 };
  }
}
