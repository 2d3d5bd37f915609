export { isEsdbUrl, isPostgresUrl, MEMORY_STORE, type StoreLocation, storeLocationOf } from './store-location';
export { openStore, openStoreEngine, type OpenStoreOptions, postgresStoreEngine } from './open-store';
export { type AccessLogOptions, openAccessLogFor } from './open-access-log';
export { compareSealedTree } from './sealed-tree-check';
