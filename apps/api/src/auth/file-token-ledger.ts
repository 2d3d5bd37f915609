import { FileLedger } from './file-ledger';
import { decodeTokenEntry, TokenEntry, TokenLedger, TokenRegisterDamagedError } from './token-register';

/** The name of the register in a data folder, beside the access log. */
export const TOKEN_REGISTER_FILE = 'tokens.jsonl';

/** The token register as a JSON Lines file, for the embedded store and for EventStoreDB. */
export class FileTokenLedger extends FileLedger<TokenEntry> implements TokenLedger {
  constructor(path: string) {
    super(path, decodeTokenEntry, (message) => new TokenRegisterDamagedError(message));
  }
}
