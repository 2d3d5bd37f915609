import { Id, Instant, struct } from '@coachline/domain';
import * as t from 'io-ts';
import { IssuedToken, listed, ListedToken, TokenListQuery } from './token-request';

/** What the register records: a token issued, or one revoked. Each is kept for good. */
export const TokenIssued = struct('TokenIssued', { kind: t.literal('issued'), token: IssuedToken });
export const TokenRevoked = struct('TokenRevoked', { kind: t.literal('revoked'), id: Id, at: Instant, by: Id });
export const TokenEntry = t.union([TokenIssued, TokenRevoked], 'TokenEntry');
export type TokenEntry = t.TypeOf<typeof TokenEntry>;

/** Where the entries are kept: a file beside the access log, or a store of their own. */
export interface TokenLedger {
  append(entry: TokenEntry): Promise<void>;
  /**
   * The entries recorded since the last call (every one, at the first), by any process. Called
   * again before a call has answered (a request's look beside the timed one), an entry may come
   * twice, never the ledger taken for damaged.
   */
  readNew(): Promise<ReadonlyArray<TokenEntry>>;
  close(): Promise<void>;
}

/** The ledger could not take the entry: the token is not handed out, the revocation not confirmed. */
export class TokenRegisterUnavailableError extends Error {
  override readonly name = 'TokenRegisterUnavailableError';
}

/** What was read back from the ledger is not an entry of it: the ledger was altered or damaged. */
export class TokenRegisterDamagedError extends Error {
  override readonly name = 'TokenRegisterDamagedError';
}

export const decodeTokenEntry = (value: unknown, where: string): TokenEntry => {
  const decoded = TokenEntry.decode(value);
  if (decoded._tag === 'Left') throw new TokenRegisterDamagedError(`${where}: not an entry of the token register`);
  return decoded.right;
};

/** How often entries other processes recorded are read in: an `api:admin` token, another instance's revocation. */
export const REFRESH_INTERVAL_MS = 2_000;

/**
 * The tokens issued and revoked, held in memory and kept in a ledger. Each request's token is
 * checked against the revoked ids in memory, so a revocation costs no round trip per request; it
 * takes effect at once in this process, and within `REFRESH_INTERVAL_MS` in any other that shares
 * the ledger. Every entry is read back at start, so a revocation outlives a restart.
 */
export class TokenRegister {
  /** Each token as issued, by id. */
  private readonly tokens = new Map<string, IssuedToken>();
  /** Each revocation, by the id of the token revoked. */
  private readonly revocations = new Map<string, { readonly at: string; readonly by: string }>();
  private refreshing: NodeJS.Timeout | undefined;

  private constructor(private readonly ledger: TokenLedger) {}

  static async open(ledger: TokenLedger): Promise<TokenRegister> {
    const register = new TokenRegister(ledger);
    await register.refresh();
    return register;
  }

  /** Reads in what other processes recorded since the last look. */
  async refresh(): Promise<void> {
    for (const entry of await this.ledger.readNew()) this.apply(entry);
  }

  /** Refreshes every `intervalMs` until closed; a failed look is reported and tried again at the next. */
  startRefreshing(onError: (error: unknown) => void, intervalMs = REFRESH_INTERVAL_MS): void {
    if (this.refreshing !== undefined) return;
    this.refreshing = setInterval(() => void this.refresh().catch(onError), intervalMs);
    this.refreshing.unref();
  }

  isRevoked(id: string): boolean {
    return this.revocations.has(id);
  }

  /** Recorded before the token is handed out: no token goes out that an admin cannot list and revoke. */
  async issue(token: IssuedToken): Promise<void> {
    await this.record({ kind: 'issued', token });
  }

  /**
   * Revokes the token with this id, at once; `undefined` when no such token was issued. Revoking
   * a token already revoked changes nothing and answers as the first time did.
   */
  async revoke(id: string, by: string, at: Date): Promise<ListedToken | undefined> {
    if (!this.tokens.has(id)) await this.refresh();
    if (!this.tokens.has(id)) return undefined;
    if (!this.revocations.has(id)) {
      await this.record({ kind: 'revoked', id, at: at.toISOString(), by });
    }
    return listed(this.tokens.get(id)!, this.revocations.get(id), at);
  }

  /** Every token issued, oldest first, with its state now; read fresh, so tokens issued elsewhere are listed too. */
  async list(query: TokenListQuery, now: Date): Promise<ListedToken[]> {
    await this.refresh();
    const tokens: ListedToken[] = [];
    for (const token of this.tokens.values()) {
      const shown = listed(token, this.revocations.get(token.id), now);
      if (
        (query.subject === undefined || shown.subject === query.subject) &&
        (query.state === undefined || shown.state === query.state)
      )
        tokens.push(shown);
    }
    return tokens.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  }

  stopRefreshing(): void {
    if (this.refreshing !== undefined) clearInterval(this.refreshing);
    this.refreshing = undefined;
  }

  async close(): Promise<void> {
    this.stopRefreshing();
    await this.ledger.close();
  }

  /**
   * Appends, then reads in everything recorded up to it, so the register holds the entries in the
   * ledger's order whoever wrote them; the entry itself holds in memory even if that read fails.
   */
  private async record(entry: TokenEntry): Promise<void> {
    try {
      await this.ledger.append(entry);
    } catch (error) {
      throw new TokenRegisterUnavailableError(
        `The token register could not record the ${entry.kind === 'issued' ? 'token' : 'revocation'}: ${(error as Error).message}`,
      );
    }
    try {
      await this.refresh();
    } finally {
      this.apply(entry);
    }
  }

  /** The first revocation of a token is the one that counts; entries come in the order they were recorded. */
  private apply(entry: TokenEntry): void {
    if (entry.kind === 'issued') {
      this.tokens.set(entry.token.id, entry.token);
    } else if (!this.revocations.has(entry.id)) this.revocations.set(entry.id, { at: entry.at, by: entry.by });
  }
}
