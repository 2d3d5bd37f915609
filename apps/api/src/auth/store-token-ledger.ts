import { randomUUID } from 'node:crypto';
import type { EventStore } from '@coachline/eventstore';
import { decodeTokenEntry, TokenEntry, TokenLedger } from './token-register';

const STREAM = 'tokens';

/** When and by whom an entry was recorded: the admin who issued or revoked the token. */
const recordedBy = (entry: TokenEntry): { at: string; by: string } =>
  entry.kind === 'issued' ? { at: entry.token.issuedAt, by: entry.token.issuedBy } : { at: entry.at, by: entry.by };

/**
 * The token register as events of a store of its own (one stream): a PostgreSQL schema beside
 * the program's, as the access log has, never the program's store, whose history holds the
 * program's facts only.
 */
export class StoreTokenLedger implements TokenLedger {
  private nextRevision = 0;

  constructor(private readonly store: EventStore) {}

  async append(entry: TokenEntry): Promise<void> {
    const id = randomUUID();
    const { at, by } = recordedBy(entry);
    await this.store.append(
      STREAM,
      [
        {
          id,
          type: entry.kind === 'issued' ? 'TokenIssued' : 'TokenRevoked',
          schemaVersion: 1,
          data: entry,
          metadata: { actor: { id: by, role: 'admin' }, recordedAt: at, commandId: id, correlationId: id },
        },
      ],
      'any',
    );
  }

  async readNew(): Promise<ReadonlyArray<TokenEntry>> {
    const entries: TokenEntry[] = [];
    for await (const event of this.store.readStream(STREAM, { from: this.nextRevision })) {
      entries.push(decodeTokenEntry(event.data, `${STREAM}@${event.revision}`));
      this.nextRevision = event.revision + 1;
    }
    return entries;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
