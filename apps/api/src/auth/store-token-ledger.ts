import type { EventStore } from '@coachline/eventstore';
import { StoreLedger } from './store-ledger';
import { decodeTokenEntry, TokenEntry, TokenLedger } from './token-register';

/** The token register as events of a store of its own, by the admin who issued or revoked each token. */
export class StoreTokenLedger extends StoreLedger<TokenEntry> implements TokenLedger {
  constructor(store: EventStore) {
    super(store, 'tokens', decodeTokenEntry, (entry) =>
      entry.kind === 'issued'
        ? { type: 'TokenIssued', at: entry.token.issuedAt, by: entry.token.issuedBy }
        : { type: 'TokenRevoked', at: entry.at, by: entry.by },
    );
  }
}
