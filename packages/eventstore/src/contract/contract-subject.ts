import type { EventStore } from '../event-store';

/** A store under test and how to release it. */
export interface ContractSubject {
  readonly store: EventStore;
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
}
