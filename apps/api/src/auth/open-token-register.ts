import { join } from 'node:path';
import { openStoreEngine } from '@coachline/store-opener';
import type { ApiConfig } from '../app/config';
import { FileTokenLedger, TOKEN_REGISTER_FILE } from './file-token-ledger';
import { StoreTokenLedger } from './store-token-ledger';
import { TokenRegister } from './token-register';

/** The schema of the token register on a PostgreSQL server: beside the store's, never inside it. */
export const tokenRegisterSchemaOf = (storeSchema: string): string => `${storeSchema}_tokens`;

/** On a PostgreSQL server the register is a schema of its own beside the store's; elsewhere a file in the data folder. */
export const openTokenRegister = async (config: Pick<ApiConfig, 'store' | 'dataDir'>): Promise<TokenRegister> => {
  if (config.store.kind === 'postgres') {
    // Tokens carry no child data: the register's events are the engine's, unsealed.
    const { events } = await openStoreEngine(
      { kind: 'postgres', address: config.store.connectionString, schema: tokenRegisterSchemaOf(config.store.schema) },
      { poolSize: 2 },
    );
    return TokenRegister.open(new StoreTokenLedger(events));
  }
  return TokenRegister.open(new FileTokenLedger(join(config.dataDir, TOKEN_REGISTER_FILE)));
};
