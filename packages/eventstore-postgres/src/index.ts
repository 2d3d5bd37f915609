export {
  openPostgresEventStore,
  openPgliteEventStore,
  DEFAULT_DATABASE_URL,
  DEFAULT_DATA_DIR,
  type PostgresEventStoreOptions,
  type PgliteEventStoreOptions,
} from './open';
export {
  openPostgresStoreForReading,
  openPgliteStoreForReading,
  type ReadOnlyPostgresOptions,
  type ReadOnlyPgliteOptions,
} from './open-for-reading';
export { NoStoreError } from './no-store-error';
export { ReadOnlyStore } from './read-only-store';
export { StoreSchemaError } from './schema-check';
export { PostgresEventStore, type StoreTuning } from './postgres-event-store';
export type { ImportedEvent, ImportOptions, ImportResult } from './event-import';
export { AppendOutcomeUnknownError } from './errors';
export { CommitOutcomeUnknownError } from './sql-client';
export { DEFAULT_SCHEMA, LATEST_VERSION } from './migrations';
export type { WriteQueueLimits } from './write-queue';
export { PostgresProjectionCheckpoints } from './projection-checkpoints';
export { PostgresChildKeyVault } from './postgres-child-key-vault';
export { PostgresVerifiableLog } from './postgres-verifiable-log';
export { PostgresCheckpointLog } from './postgres-checkpoint-log';
export type { TreeAudit } from './tree-audit';
export { accessLogSchemaOf, openPostgresAccessLog } from './access-log';
