import { createHmac, randomUUID } from 'node:crypto';
import { Actor, Id, Instant, isId, Role } from '@coachline/domain';
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'coachline';
const AUDIENCE = 'coachline-api';
const ALGORITHM = 'HS256';
const MAX_VERIFIED = 10_000;
/** Ours are about 300 characters; anything much longer is refused before any decoding. */
export const MAX_TOKEN_LENGTH = 2_048;

/** A token just minted: its text (shown this once), its id for listing and revoking, whom it speaks for, and its span. */
export const MintedToken = t.type(
  { token: t.string, id: Id, actor: Actor, issuedAt: Instant, expiresAt: Instant },
  'MintedToken',
);
export type MintedToken = t.TypeOf<typeof MintedToken>;

/** A token that passed every check: the actor it speaks for and its id, to be checked against the revoked ones. */
export interface VerifiedToken {
  readonly actor: Actor;
  readonly id: string;
  readonly expiresAtMs: number;
}

/** Why a bearer token was not accepted; the 401 says so. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/**
 * Signs and verifies the API's bearer tokens: `sub` is the actor's id, `role` one of the domain's
 * roles, `jti` the token's own id. A provider's `sub` is their provider id. Verification checks
 * length, signature (HS256 only), issuer, audience and expiry, then the claims against the
 * domain's grammar. Whether the token was revoked is the register's to say.
 */
export class TokenSigner {
  private readonly key: Uint8Array;
  /** Tokens already verified, until they expire: the same token comes with every request of a session. */
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  /** HMAC-SHA256 of the text under the signing secret, in base64url: a value only this API can make. */
  hmac(text: string): string {
    return createHmac('sha256', this.key).update(text, 'utf8').digest('base64url');
  }

  async mint(actor: Actor, lifetimeSeconds: number): Promise<MintedToken> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + lifetimeSeconds;
    const id = randomUUID();
    const token = await new SignJWT({ role: actor.role })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setJti(id)
      .setSubject(actor.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return {
      token,
      id,
      actor,
      issuedAt: new Date(issuedAt * 1000).toISOString(),
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  }

  /**
   * The token as verified before, while it has not expired; `undefined` when it must be verified
   * (never seen, forgotten, or expired). Answers at once, so a request with a known token waits on
   * nothing.
   */
  verifiedBefore(token: string): VerifiedToken | undefined {
    const known = this.verified.get(token);
    if (known === undefined) return undefined;
    if (Date.now() < known.expiresAtMs) return known;
    this.verified.delete(token);
    return undefined;
  }

  async verify(token: string): Promise<VerifiedToken> {
    const known = this.verifiedBefore(token);
    if (known !== undefined) return known;
    const verified = await this.check(token);
    this.verified.set(token, verified);
    if (this.verified.size > MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
    return verified;
  }

  private async check(token: string): Promise<VerifiedToken> {
    if (token.length > MAX_TOKEN_LENGTH)
      throw new InvalidTokenError(`The token is longer than ${MAX_TOKEN_LENGTH} characters: not one of ours.`);
    let payload: { sub?: unknown; role?: unknown; jti?: unknown; exp?: number };
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new InvalidTokenError(
        error instanceof joseErrors.JWTExpired ? 'The token has expired.' : 'The token is not valid.',
      );
    }
    // The actor's id is written into every event they record, so it must be an id by the domain's grammar.
    if (typeof payload.sub !== 'string' || !isId(payload.sub))
      throw new InvalidTokenError("The token's subject cannot be recorded: it is not an id.");
    const actor = Actor.decode({ id: payload.sub, role: payload.role });
    if (E.isLeft(actor))
      throw new InvalidTokenError(`The token's claims are not valid: role must be one of ${Role.values.join(', ')}.`);
    // The id is what an admin revokes it by, so a token without one could never be revoked.
    if (typeof payload.jti !== 'string' || !isId(payload.jti))
      throw new InvalidTokenError('The token has no id it could be revoked by: ask an admin for a new one.');
    return { actor: actor.right, id: payload.jti, expiresAtMs: payload.exp! * 1000 };
  }
}
