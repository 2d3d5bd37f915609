import type { EventStore } from '../event-store';
import type { CheckpointLog, VerifiableLog } from '../verifiable-log';

/** A store under test and how to release it. */
export interface ContractSubject {
  readonly store: EventStore;
  /** The Merkle tree the engine keeps over the store's global order. */
  readonly verifiableLog?: VerifiableLog;
  /** The signed checkpoints and published verifier keys kept in the store. */
  readonly signedCheckpoints?: CheckpointLog;
  /**
   * Resolves once the tree covers every event stored when it was called. Only an engine whose tree
   * is kept behind its writes (an asynchronous sealer) needs it; where appends extend the tree
   * themselves it may be left out.
   */
  sealed?(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the store for one test: a fresh, empty one, or one shared with earlier tests (the suite
 * writes only to streams named after the test's own run id and reads relative to the head
 * position it found at the start, so leftovers of earlier tests do not disturb it).
 */
export type OpenContractSubject = () => Promise<ContractSubject>;

export interface ContractOptions {
  /** 20 writers at once on the same and on different streams (default true). */
  readonly concurrency?: boolean;
  /** A 10,000-event stream written in batches and read back (default true). */
  readonly bigStreams?: boolean;
  /** The store keeps a hash chain (`StoredEvent.integrity`); false for adapters that keep none (default true). */
  readonly hashChain?: boolean;
  /**
   * The subject's `verifiableLog` and `signedCheckpoints` keep the tree and checkpoints every engine
   * owes (default true: a subject that leaves them out fails those tests, so none is forgotten);
   * false only for a store that keeps no tree at all.
   */
  readonly verifiableLog?: boolean;
}
