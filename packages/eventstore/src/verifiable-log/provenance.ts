import * as E from 'fp-ts/Either';
import type { EventStore } from '../event-store';
import type { TreeHash } from '../integrity/merkle/tree-hash';
import type { CheckpointLog, StoredCheckpoint, VerifiableLog } from './verifiable-log';

/** What a store keeps that says which signed history its events are. */
export interface SignedHistorySources {
  readonly events: Pick<EventStore, 'readAll'>;
  readonly log: VerifiableLog;
  readonly checkpoints: CheckpointLog;
}

/**
 * Which signed history the events at positions up to `position` are: the tree they make, and,
 * once a checkpoint covers them, the first that does with the proof that its tree extends theirs.
 * A view computed from exactly those events carries it, so its numbers can be traced to a note an
 * auditor can check with the published key.
 */
export interface Provenance {
  readonly position: number;
  /** How many events are at positions up to `position`: the leaves of their tree. */
  readonly size: number;
  readonly root: TreeHash;
  readonly covering?: {
    readonly checkpoint: StoredCheckpoint;
    /** The proof that the checkpoint's tree extends the tree of `size` (RFC 9162 §2.1.4.1). */
    readonly consistency: TreeHash[];
  };
}

/**
 * The leaf count of the events up to `position`: the leaf index of the event at that position,
 * plus one. Where positions are dense (PostgreSQL, PGlite, memory) that is the position itself;
 * on EventStoreDB, whose positions leave gaps, only a position an event has names a tree, and the
 * tree may not have sealed that event yet.
 */
const sizeThrough = async ({ events, log }: SignedHistorySources, position: number): Promise<number | undefined> => {
  for await (const event of events.readAll({ after: position - 1, batchSize: 1 })) {
    if (event.position !== position) return undefined;
    const index = await log.leafIndexOf(event.id);
    return index === undefined ? undefined : index + 1;
  }
  return undefined;
};

/**
 * The provenance of the events at positions up to `position`; `undefined` when no event has that
 * position or the tree does not hold it yet. Nothing is signed here: a checkpoint covering the
 * position is looked for among those kept.
 */
export const provenanceThrough = async (
  sources: SignedHistorySources,
  position: number,
): Promise<Provenance | undefined> => {
  if (!Number.isSafeInteger(position) || position < 1) return undefined;
  const size = await sizeThrough(sources, position);
  if (size === undefined) return undefined;
  const root = await sources.log.rootAt(size);
  if (E.isLeft(root)) return undefined;
  const tree = { position, size, root: root.right };
  const checkpoint = await sources.checkpoints.covering(size);
  if (checkpoint === undefined) return tree;
  const proof = await sources.log.consistencyProof(size, checkpoint.size);
  // The tree holds both sizes, and only ever grows on its right: no proof between them is a broken store.
  if (E.isLeft(proof)) throw new Error(`The tree cannot prove ${size} → ${checkpoint.size}: ${proof.left}`);
  return { ...tree, covering: { checkpoint, consistency: proof.right } };
};
