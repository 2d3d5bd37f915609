import { Id, Instant, IntegerBetween, oneOf, Role, struct } from '@coachline/domain';
import * as t from 'io-ts';

export const HOUR_SECONDS = 3_600;
export const DAY_SECONDS = 86_400;
/** A working day: a token left on a shared machine stops working by the next morning. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 8 * HOUR_SECONDS;
/** The longest a token lasts; an integration that needs more asks for a new one. */
export const MAX_TOKEN_LIFETIME_SECONDS = 30 * DAY_SECONDS;
export const MIN_TOKEN_LIFETIME_SECONDS = 60;

/** `POST /tokens`: who the token speaks for and how long it lasts (a provider's id is their provider id). */
export const TokenRequest = struct(
  'TokenRequest',
  { id: Id, role: Role },
  { lifetimeSeconds: IntegerBetween(MIN_TOKEN_LIFETIME_SECONDS, MAX_TOKEN_LIFETIME_SECONDS, 'TokenLifetime') },
);
export type TokenRequest = t.TypeOf<typeof TokenRequest>;

/**
 * A token as the register keeps it: its id (the `jti` claim), whom it speaks for, who issued it
 * and when it ends. Never the token's text: a listing read over someone's shoulder must not be a
 * way in.
 */
const issuedFields = { id: Id, subject: Id, role: Role, issuedAt: Instant, expiresAt: Instant, issuedBy: Id };
export const IssuedToken = struct('IssuedToken', issuedFields);
export type IssuedToken = t.TypeOf<typeof IssuedToken>;

export const TokenState = oneOf('TokenState', 'active', 'revoked', 'expired');
export type TokenState = t.TypeOf<typeof TokenState>;

/** A token of the listing: as issued, with its state at the moment of listing and, once revoked, when and by whom. */
export const ListedToken = struct(
  'ListedToken',
  { ...issuedFields, state: TokenState },
  { revokedAt: Instant, revokedBy: Id },
);
export type ListedToken = t.TypeOf<typeof ListedToken>;

/** `GET /tokens`: every token issued, oldest first, narrowed by subject or state. */
export const TokenListQuery = struct('TokenListQuery', {}, { subject: Id, state: TokenState });
export type TokenListQuery = t.TypeOf<typeof TokenListQuery>;

export const TokenListing = struct('TokenListing', { tokens: t.array(ListedToken) });
export type TokenListing = t.TypeOf<typeof TokenListing>;

/** A token as listed now: revoked, expired, or still active. */
export const listed = (
  token: IssuedToken,
  revocation: { readonly at: string; readonly by: string } | undefined,
  now: Date,
): ListedToken => {
  if (revocation !== undefined)
    return { ...token, state: 'revoked', revokedAt: revocation.at, revokedBy: revocation.by };
  return { ...token, state: Date.parse(token.expiresAt) <= now.getTime() ? 'expired' : 'active' };
};
