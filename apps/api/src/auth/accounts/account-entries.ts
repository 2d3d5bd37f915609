import { Id, Instant, Role, Sha256, struct } from '@coachline/domain';
import * as t from 'io-ts';
import { PasswordHash } from './account-request';

/** What the account register records, each kept for good: a password set later outranks the one before. */
export const AccountCreated = struct('AccountCreated', {
  kind: t.literal('account-created'),
  account: struct('Account', { id: Id, role: Role }),
  at: Instant,
  by: Id,
});
export const PasswordSet = struct('PasswordSet', {
  kind: t.literal('password-set'),
  accountId: Id,
  hash: PasswordHash,
  at: Instant,
});
/** A link's code is kept as its SHA-256 only: the ledger read over a shoulder signs no one in. */
export const SignInLinkIssued = struct('SignInLinkIssued', {
  kind: t.literal('sign-in-link-issued'),
  accountId: Id,
  codeHash: Sha256,
  expiresAt: Instant,
  at: Instant,
  by: Id,
});
export const SignInLinkUsed = struct('SignInLinkUsed', {
  kind: t.literal('sign-in-link-used'),
  codeHash: Sha256,
  at: Instant,
});
export const AccountDisabled = struct('AccountDisabled', {
  kind: t.literal('account-disabled'),
  accountId: Id,
  at: Instant,
  by: Id,
});

export const AccountEntry = t.union(
  [AccountCreated, PasswordSet, SignInLinkIssued, SignInLinkUsed, AccountDisabled],
  'AccountEntry',
);
export type AccountEntry = t.TypeOf<typeof AccountEntry>;

/** What was read back from the ledger is not an entry of it: the ledger was altered or damaged. */
export class AccountRegisterDamagedError extends Error {
  override readonly name = 'AccountRegisterDamagedError';
}

/** The ledger could not take the entry: the account, password or link is not confirmed. */
export class AccountRegisterUnavailableError extends Error {
  override readonly name = 'AccountRegisterUnavailableError';
}

export const decodeAccountEntry = (value: unknown, where: string): AccountEntry => {
  const decoded = AccountEntry.decode(value);
  if (decoded._tag === 'Left') throw new AccountRegisterDamagedError(`${where}: not an entry of the account register`);
  return decoded.right;
};

/** When and by whom an entry was recorded, and the event type it is kept as in a store. */
export const eventOfAccountEntry = (entry: AccountEntry): { type: string; at: string; by: string } => {
  switch (entry.kind) {
    case 'account-created':
      return { type: 'AccountCreated', at: entry.at, by: entry.by };
    case 'password-set':
      return { type: 'PasswordSet', at: entry.at, by: entry.accountId };
    case 'sign-in-link-issued':
      return { type: 'SignInLinkIssued', at: entry.at, by: entry.by };
    case 'sign-in-link-used':
      return { type: 'SignInLinkUsed', at: entry.at, by: 'sign-in-link' };
    case 'account-disabled':
      return { type: 'AccountDisabled', at: entry.at, by: entry.by };
  }
};

/** Where the entries are kept: a file beside the token register, or a store of their own. */
export interface AccountLedger {
  append(entry: AccountEntry): Promise<void>;
  readNew(): Promise<ReadonlyArray<AccountEntry>>;
  close(): Promise<void>;
}
