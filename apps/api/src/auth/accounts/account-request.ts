import { Id, Instant, oneOf, Role, struct } from '@coachline/domain';
import * as t from 'io-ts';
import { PASSWORD_HASH_PATTERN } from './password-hash';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1_024;

/** A string codec checked by one regular expression, carried as `pattern` so the OpenAPI document says it. */
const patterned = (name: string, pattern: RegExp, rule: string) =>
  Object.assign(
    new t.Type<string, string, unknown>(
      name,
      (u): u is string => typeof u === 'string' && pattern.test(u),
      // The value is never echoed: it may be a password.
      (u, c) => (typeof u === 'string' && pattern.test(u) ? t.success(u) : t.failure(u, c, `expected ${rule}`)),
      t.identity,
    ),
    { pattern },
  );

/** A password being chosen: long rather than clever, the only rule that measurably helps. */
export const NewPassword = patterned(
  'NewPassword',
  new RegExp(`^[\\s\\S]{${MIN_PASSWORD_LENGTH},${MAX_PASSWORD_LENGTH}}$`),
  `a password of ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
);
/** A password given to sign in: checked against the hash only, so its length says nothing about the account. */
export const GivenPassword = patterned(
  'GivenPassword',
  new RegExp(`^[\\s\\S]{1,${MAX_PASSWORD_LENGTH}}$`),
  `a password of 1 to ${MAX_PASSWORD_LENGTH} characters`,
);

export const PasswordHash = patterned('PasswordHash', PASSWORD_HASH_PATTERN, 'scrypt$N$r$p$salt$hash');

/** A one-time code: 32 random bytes in base64url. */
export const SignInCode = patterned('SignInCode', /^[A-Za-z0-9_-]{43}$/, '43 base64url characters');

/**
 * `POST /accounts`: the account's id is the id its sessions act under, as a token's subject is:
 * a coach's account id is their coach id, a provider's their provider id. That id is the whole
 * of the account's reach; the role's grant says how far it goes.
 */
export const AccountRequest = struct('AccountRequest', { id: Id, role: Role });
export type AccountRequest = t.TypeOf<typeof AccountRequest>;

/** The ids an account's sessions reach records by, named for the role: what a screen shows as "whose". */
export const Reach = struct('Reach', {}, { coachId: Id, providerId: Id });
export type Reach = t.TypeOf<typeof Reach>;

export const reachOfAccount = (id: string, role: Role): Reach =>
  role === 'coach' ? { coachId: id } : role === 'provider' ? { providerId: id } : {};

export const CreatedAccount = struct('CreatedAccount', {
  id: Id,
  role: Role,
  reach: Reach,
  signInLink: t.string,
  expiresAt: Instant,
});
export type CreatedAccount = t.TypeOf<typeof CreatedAccount>;

export const AccountState = oneOf('AccountState', 'awaiting-password', 'active', 'disabled');

/** An account as listed: never its password's hash, nor a link's code. */
export const ListedAccount = struct(
  'ListedAccount',
  { id: Id, role: Role, reach: Reach, state: AccountState, createdAt: Instant, createdBy: Id },
  { disabledAt: Instant, disabledBy: Id },
);
export type ListedAccount = t.TypeOf<typeof ListedAccount>;

export const AccountListing = struct('AccountListing', { accounts: t.array(ListedAccount) });
export type AccountListing = t.TypeOf<typeof AccountListing>;

/** Reads that take no parameter refuse any, so a misspelt one is never ignored in silence. */
export const NO_PARAMETERS = struct('NoParameters', {});

export const SignInRequest = struct('SignInRequest', { accountId: Id, password: GivenPassword });
export const LinkSignInRequest = struct('LinkSignInRequest', { code: SignInCode }, { password: NewPassword });
export const SetupRequest = struct('SetupRequest', { code: SignInCode, accountId: Id, password: NewPassword });

/** Who is signed in: the session's account, role and reach, the CSRF value its unsafe requests carry, and its end. */
export const SessionAnswer = struct('SessionAnswer', {
  accountId: Id,
  role: Role,
  reach: Reach,
  csrf: t.string,
  expiresAt: Instant,
});
export type SessionAnswer = t.TypeOf<typeof SessionAnswer>;
