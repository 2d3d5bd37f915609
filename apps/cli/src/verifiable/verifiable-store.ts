import {
  type CheckpointLog,
  describeStoreFailure,
  type EventStore,
  redactStoreUrl,
  StoreUnavailableError,
  type VerifiableLog,
} from '@coachline/eventstore';
import { escapeUnsafe } from '@coachline/domain';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';
import type { SealedTreeCheck } from '@coachline/eventstore-esdb';
import { compareSealedTree, openStoreEngine } from '@coachline/store-opener';
import { FailureError } from '../commands/usage-error';
import { checkStoreFolder, HOW_TO_CREATE } from '../store/store-folder';
import { storeLocationOf } from '../store/store-location';

/** A store's events with the tree it keeps over them and the checkpoints signed of that tree. */
export interface VerifiableStore {
  /** The store as messages name it: without its password, escaped. */
  readonly shown: string;
  readonly events: EventStore;
  readonly log: VerifiableLog;
  readonly checkpoints: CheckpointLog;
  /** Where the tree is sealed apart from the events (EventStoreDB), its sealed chunks held against them. */
  compareSealedTree(): Promise<SealedTreeCheck | undefined>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const postgres = (): typeof PostgresAdapter => require('@coachline/eventstore-postgres');

/**
 * Opens the store at `url` for `use` and closes it after: its engine only, for the tree and the
 * checkpoints hold no child data, so no children's key file is needed. An engine that keeps no
 * tree is refused with one line.
 */
export const withVerifiableStore = async <T>(
  url: string | undefined,
  use: (store: VerifiableStore) => Promise<T>,
): Promise<T> => {
  const location = storeLocationOf(url);
  const shown = escapeUnsafe(redactStoreUrl(location.address));
  if (location.kind === 'folder') await checkStoreFolder(location.address, false);
  let engine: Awaited<ReturnType<typeof openStoreEngine>>;
  try {
    // The tree is read, never sealed here: that is the writers' work (on EventStoreDB, a sealer).
    engine = await openStoreEngine(location, { existingOnly: true, sealTree: false });
  } catch (error) {
    if (location.kind === 'postgres' && error instanceof postgres().NoStoreError)
      throw new FailureError(`${shown}: ${error.message}; ${HOW_TO_CREATE}`);
    throw new FailureError(
      error instanceof StoreUnavailableError ? error.message : describeStoreFailure(location.address, error),
    );
  }
  try {
    const { verifiableLog, signedCheckpoints } = engine;
    if (verifiableLog === undefined || signedCheckpoints === undefined)
      throw new FailureError(`${shown}: this store keeps no signed tree of its events`);
    const opened = engine;
    return await use({
      shown,
      events: engine.events,
      log: verifiableLog,
      checkpoints: signedCheckpoints,
      compareSealedTree: () => compareSealedTree(opened),
    });
  } finally {
    await engine.events.close();
  }
};
