import type { Role } from '@coachline/domain';
import { useQuery } from '@tanstack/react-query';
import { api, segment } from '../../api/client';

/** An account as `GET /accounts` lists it: never a password's hash nor a link's code. */
export interface ListedAccount {
  readonly id: string;
  readonly role: Role;
  readonly reach: { readonly coachId?: string; readonly providerId?: string };
  readonly state: 'awaiting-password' | 'active' | 'disabled';
  readonly createdAt: string;
  readonly createdBy: string;
  readonly disabledAt?: string;
  readonly disabledBy?: string;
}

/** What `POST /accounts` answers: the one-time link to hand to the account's person. */
export interface CreatedAccount {
  readonly id: string;
  readonly role: Role;
  readonly signInLink: string;
  readonly expiresAt: string;
}

/** A token as `GET /tokens` lists it: never its text. */
export interface ListedToken {
  readonly id: string;
  readonly subject: string;
  readonly role: Role;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly issuedBy: string;
  readonly state: 'active' | 'revoked' | 'expired';
  readonly revokedAt?: string;
  readonly revokedBy?: string;
}

export const ACCOUNTS_KEY = ['admin', 'accounts'] as const;
export const TOKENS_KEY = ['admin', 'tokens'] as const;

export const useAccounts = () =>
  useQuery({
    queryKey: ACCOUNTS_KEY,
    queryFn: () => api<{ readonly accounts: ReadonlyArray<ListedAccount> }>('/accounts'),
  });

export const useTokens = () =>
  useQuery({ queryKey: TOKENS_KEY, queryFn: () => api<{ readonly tokens: ReadonlyArray<ListedToken> }>('/tokens') });

export const createAccount = (id: string, role: Role): Promise<CreatedAccount> =>
  api<CreatedAccount>('/accounts', { method: 'POST', body: { id, role } });

export const disableAccount = (id: string): Promise<ListedAccount> =>
  api<ListedAccount>(`/accounts/${segment(id)}/disable`, { method: 'POST' });

export const revokeToken = (id: string): Promise<ListedToken> =>
  api<ListedToken>(`/tokens/${segment(id)}`, { method: 'DELETE' });

/** The link as a full address on this server: the API answers it below the origin (`/#/sign-in-link?code=…`). */
export const fullAddress = (link: string, origin: string = window.location.origin): string =>
  `${origin}${link.startsWith('/') ? '' : '/'}${link}`;
