import { join } from 'node:path';
import type { EventStore } from '@coachline/eventstore';
import { openStoreEngine } from '@coachline/store-opener';
import type { ApiConfig } from '../../app/config';
import { FileLedger } from '../file-ledger';
import { StoreLedger } from '../store-ledger';
import {
  AccountEntry,
  AccountLedger,
  AccountRegisterDamagedError,
  decodeAccountEntry,
  eventOfAccountEntry,
} from './account-entries';
import { AccountRegister } from './account-register';

/** The name of the register in a data folder, beside the token register. */
export const ACCOUNT_REGISTER_FILE = 'accounts.jsonl';

/** The schema of the account register on a PostgreSQL server: beside the store's, never inside it. */
export const accountRegisterSchemaOf = (storeSchema: string): string => `${storeSchema}_accounts`;

export const fileAccountLedger = (path: string): AccountLedger =>
  new FileLedger<AccountEntry>(path, decodeAccountEntry, (message) => new AccountRegisterDamagedError(message));

export const storeAccountLedger = (store: EventStore): AccountLedger =>
  new StoreLedger<AccountEntry>(store, 'accounts', decodeAccountEntry, eventOfAccountEntry);

/** Chosen as the token register is: a schema of its own on a PostgreSQL server, elsewhere a file in the data folder. */
export const openAccountRegister = async (config: Pick<ApiConfig, 'store' | 'dataDir'>): Promise<AccountRegister> => {
  if (config.store.kind === 'postgres') {
    const { events } = await openStoreEngine(
      {
        kind: 'postgres',
        address: config.store.connectionString,
        schema: accountRegisterSchemaOf(config.store.schema),
      },
      { poolSize: 2 },
    );
    return AccountRegister.open(storeAccountLedger(events));
  }
  return AccountRegister.open(fileAccountLedger(join(config.dataDir, ACCOUNT_REGISTER_FILE)));
};
