import type { ChildKeyVault } from '../child-data/child-key-vault';
import type { EventStore, EventToAppend } from '../event-store';
import type { ProjectionCheckpoints } from '../projection-storage';
import type { CheckpointLog, VerifiableLog } from '../verifiable-log';

/** One event of a bulk import, with the stream it goes to. */
export interface EventToImport {
  readonly stream: string;
  readonly event: EventToAppend;
}

export interface BulkImportResult {
  readonly imported: number;
  /** The head after the import (unchanged when nothing was imported). */
  readonly lastPosition: number;
}

/** A whole history written at once, faster than append by append, on an engine that offers it. */
export type BulkImport = (source: AsyncIterable<EventToImport> | Iterable<EventToImport>) => Promise<BulkImportResult>;

/**
 * What an engine holds besides its events, as its adapter hands it to be opened: what one
 * engine lacks is absent (EventStoreDB keeps no projection checkpoints and has no bulk import;
 * the in-memory store keeps children's keys in the process, not wrapped in a vault).
 */
export interface StoreEngine {
  readonly events: EventStore;
  readonly checkpoints?: ProjectionCheckpoints;
  readonly childKeyVault?: ChildKeyVault;
  readonly importEvents?: BulkImport;
  /** The Merkle tree the engine keeps over its global order. */
  readonly verifiableLog?: VerifiableLog;
  /** The signed checkpoints of that tree, and the verifier key they are signed under, kept in the store. */
  readonly signedCheckpoints?: CheckpointLog;
}
