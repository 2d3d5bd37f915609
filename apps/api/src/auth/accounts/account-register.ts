import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@coachline/domain';
import { REFRESH_INTERVAL_MS } from '../token-register';
import { AccountEntry, AccountLedger, AccountRegisterUnavailableError } from './account-entries';
import { type ListedAccount, reachOfAccount } from './account-request';

/** A sign-in link lasts a day: long enough to reach its person by another channel, short enough to go stale unused. */
export const SIGN_IN_LINK_LIFETIME_MS = 24 * 3_600_000;

export interface Account {
  readonly id: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly passwordHash?: string;
  readonly disabledAt?: string;
  readonly disabledBy?: string;
}

interface SignInLink {
  readonly accountId: string;
  readonly expiresAt: string;
  readonly usedAt?: string;
}

/** A one-time code just made: its text, handed over once, and when it stops working. */
export interface IssuedCode {
  readonly code: string;
  readonly expiresAt: string;
}

export const sha256Of = (code: string): string => createHash('sha256').update(code, 'utf8').digest('hex');
export const newCode = (): string => randomBytes(32).toString('base64url');

/**
 * The browser accounts: who they are, their password's hash, the one-time links that set it,
 * and whether they were disabled, held in memory and kept in a ledger read back at start, as
 * the token register is. Changes that depend on what is there (a new id, a link's one use, the
 * first admin) are made one at a time, after reading in what other processes recorded.
 */
export class AccountRegister {
  private readonly accounts = new Map<string, Account>();
  private readonly links = new Map<string, SignInLink>();
  private refreshing: NodeJS.Timeout | undefined;
  private turn: Promise<unknown> = Promise.resolve();

  private constructor(private readonly ledger: AccountLedger) {}

  static async open(ledger: AccountLedger): Promise<AccountRegister> {
    const register = new AccountRegister(ledger);
    await register.refresh();
    return register;
  }

  async refresh(): Promise<void> {
    for (const entry of await this.ledger.readNew()) this.apply(entry);
  }

  startRefreshing(onError: (error: unknown) => void, intervalMs = REFRESH_INTERVAL_MS): void {
    if (this.refreshing !== undefined) return;
    this.refreshing = setInterval(() => void this.refresh().catch(onError), intervalMs);
    this.refreshing.unref();
  }

  stopRefreshing(): void {
    if (this.refreshing !== undefined) clearInterval(this.refreshing);
    this.refreshing = undefined;
  }

  async close(): Promise<void> {
    this.stopRefreshing();
    await this.ledger.close();
  }

  isEmpty(): boolean {
    return this.accounts.size === 0;
  }

  /** The account as last read in; the caller refreshes first when another process may have changed it. */
  find(id: string): Account | undefined {
    return this.accounts.get(id);
  }

  /** A new account with a link to choose its password by; `undefined` when the id is taken. */
  create(account: { id: string; role: Role }, by: string, now: Date): Promise<IssuedCode | undefined> {
    return this.inTurn(async () => {
      if (this.accounts.has(account.id)) return undefined;
      await this.record({ kind: 'account-created', account, at: now.toISOString(), by });
      return this.recordLink(account.id, by, now);
    });
  }

  /** The first admin, with the password they chose; `false` once any account exists. */
  createFirstAdmin(id: string, passwordHash: string, now: Date): Promise<boolean> {
    return this.inTurn(async () => {
      if (!this.isEmpty()) return false;
      const at = now.toISOString();
      await this.record({ kind: 'account-created', account: { id, role: 'admin' }, at, by: id });
      await this.record({ kind: 'password-set', accountId: id, hash: passwordHash, at });
      return true;
    });
  }

  /**
   * The account a link's code signs in, spending the code; `undefined` for a code unknown, used,
   * expired, or of a disabled account. Of two uses at once, one wins.
   */
  useLink(code: string, now: Date): Promise<Account | undefined> {
    return this.inTurn(async () => {
      const codeHash = sha256Of(code);
      const link = this.links.get(codeHash);
      if (link === undefined || link.usedAt !== undefined || Date.parse(link.expiresAt) <= now.getTime())
        return undefined;
      const account = this.accounts.get(link.accountId);
      if (account === undefined || account.disabledAt !== undefined) return undefined;
      await this.record({ kind: 'sign-in-link-used', codeHash, at: now.toISOString() });
      return account;
    });
  }

  async setPassword(accountId: string, passwordHash: string, now: Date): Promise<void> {
    await this.record({ kind: 'password-set', accountId, hash: passwordHash, at: now.toISOString() });
  }

  /** Disables the account for good; `undefined` when there is none. Disabling twice answers as the first time. */
  disable(id: string, by: string, now: Date): Promise<Account | undefined> {
    return this.inTurn(async () => {
      const account = this.accounts.get(id);
      if (account === undefined) return undefined;
      if (account.disabledAt === undefined)
        await this.record({ kind: 'account-disabled', accountId: id, at: now.toISOString(), by });
      return this.accounts.get(id);
    });
  }

  async list(): Promise<ListedAccount[]> {
    await this.refresh();
    return [...this.accounts.values()]
      .map(listedAccount)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  private async recordLink(accountId: string, by: string, now: Date): Promise<IssuedCode> {
    const code = newCode();
    const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MS).toISOString();
    await this.record({
      kind: 'sign-in-link-issued',
      accountId,
      codeHash: sha256Of(code),
      expiresAt,
      at: now.toISOString(),
      by,
    });
    return { code, expiresAt };
  }

  /** One change at a time, each on what every process recorded before it. */
  private inTurn<T>(change: () => Promise<T>): Promise<T> {
    const next = this.turn.then(async () => {
      await this.refresh();
      return change();
    });
    this.turn = next.catch(() => undefined);
    return next;
  }

  private async record(entry: AccountEntry): Promise<void> {
    try {
      await this.ledger.append(entry);
    } catch (error) {
      throw new AccountRegisterUnavailableError(
        `The account register could not record the change: ${(error as Error).message}`,
      );
    }
    try {
      await this.refresh();
    } finally {
      this.apply(entry);
    }
  }

  /** Applying an entry twice changes nothing: a look beside a recording may read it again. */
  private apply(entry: AccountEntry): void {
    switch (entry.kind) {
      case 'account-created':
        if (!this.accounts.has(entry.account.id))
          this.accounts.set(entry.account.id, { ...entry.account, createdAt: entry.at, createdBy: entry.by });
        return;
      case 'password-set': {
        const account = this.accounts.get(entry.accountId);
        if (account !== undefined) this.accounts.set(account.id, { ...account, passwordHash: entry.hash });
        return;
      }
      case 'sign-in-link-issued':
        if (!this.links.has(entry.codeHash))
          this.links.set(entry.codeHash, { accountId: entry.accountId, expiresAt: entry.expiresAt });
        return;
      case 'sign-in-link-used': {
        const link = this.links.get(entry.codeHash);
        if (link !== undefined && link.usedAt === undefined)
          this.links.set(entry.codeHash, { ...link, usedAt: entry.at });
        return;
      }
      case 'account-disabled': {
        const account = this.accounts.get(entry.accountId);
        if (account !== undefined && account.disabledAt === undefined)
          this.accounts.set(account.id, { ...account, disabledAt: entry.at, disabledBy: entry.by });
        return;
      }
    }
  }
}

const listedAccount = (account: Account): ListedAccount => ({
  id: account.id,
  role: account.role,
  reach: reachOfAccount(account.id, account.role),
  state:
    account.disabledAt !== undefined ? 'disabled' : account.passwordHash === undefined ? 'awaiting-password' : 'active',
  createdAt: account.createdAt,
  createdBy: account.createdBy,
  ...(account.disabledAt === undefined ? {} : { disabledAt: account.disabledAt, disabledBy: account.disabledBy! }),
});
