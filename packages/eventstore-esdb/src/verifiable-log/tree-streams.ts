/**
 * Where the tree and its checkpoints live in EventStoreDB, beside the events: `$`-prefixed streams,
 * like the children's keys (esdb-child-key-store.ts), so that Coachline's own reads never deliver them
 * and a secured server lets only `$admins` write them.
 *
 *     $coachline-tree-chunks            TreeChunkSealed at revision n: chunk n (tree-chunk.ts)
 *     $coachline-checkpoints            CheckpointSaved { size, note, signedAt }: the first per size counts
 *     $coachline-checkpoint-keys        VerifierKeyPublished { verifierKey }: the first of each counts
 */
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import {
  BACKWARDS,
  END,
  FORWARDS,
  StreamNotFoundError,
  jsonEvent,
  type EventStoreDBClient,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { finishedRead } from '../finished-read';
import { chunkFromData, type ChunkData, type TreeChunk } from './tree-chunk';

export const TREE_CHUNKS_STREAM = '$coachline-tree-chunks';
export const CHECKPOINTS_STREAM = '$coachline-checkpoints';
export const CHECKPOINT_KEYS_STREAM = '$coachline-checkpoint-keys';

export const TREE_CHUNK_SEALED = 'TreeChunkSealed';
export const CHECKPOINT_SAVED = 'CheckpointSaved';
export const VERIFIER_KEY_PUBLISHED = 'VerifierKeyPublished';

const wholeNumber = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'WholeNumber');

const ChunkDataCodec: t.Type<ChunkData, unknown> = t.type({
  chunk: wholeNumber,
  leaves: wholeNumber,
  size: wholeNumber,
  lastPosition: wholeNumber,
  root: t.string,
  ids: t.string,
  nodes: t.string,
  peaks: t.string,
});

export const CheckpointData = t.type({ size: wholeNumber, note: t.string, signedAt: t.string });
export const VerifierKeyData = t.type({ verifierKey: t.string });

/** Decodes a bookkeeping event; one the store wrote wrong or someone altered is a system fault. */
export const decodeOrThrow = <A>(codec: t.Type<A, unknown>, data: unknown, where: string): A => {
  const decoded = codec.decode(data);
  if (E.isRight(decoded)) return decoded.right;
  const fields = decoded.left.map((error) =>
    error.context
      .map((entry) => entry.key)
      .filter(Boolean)
      .join('.'),
  );
  throw new Error(`${where} is not what Coachline wrote there (wrong: ${[...new Set(fields)].join(', ') || 'data'}).`);
};

export const chunkOfEvent = (resolved: ResolvedEvent): TreeChunk => {
  const recorded = resolved.event;
  if (recorded === undefined) throw new Error(`${TREE_CHUNKS_STREAM} holds a link to nothing.`);
  const where = `${TREE_CHUNKS_STREAM}@${recorded.revision}`;
  if (recorded.type !== TREE_CHUNK_SEALED) throw new Error(`${where} is a ${recorded.type}, not a sealed chunk.`);
  const chunk = chunkFromData(decodeOrThrow(ChunkDataCodec, recorded.data, where), Number(recorded.revision));
  if (E.isLeft(chunk)) throw new Error(`${where}: ${chunk.left}.`);
  return chunk.right;
};

export const chunkEvent = (data: ChunkData) => jsonEvent({ type: TREE_CHUNK_SEALED, data: { ...data } });

/** A stream's events from `from` on (all of them when `maxCount` is absent); none for a stream never written. */
export async function* readForwards(
  client: EventStoreDBClient,
  stream: string,
  from: number,
  maxCount?: number,
): AsyncGenerator<ResolvedEvent, void, undefined> {
  try {
    yield* finishedRead<ResolvedEvent>(
      client.readStream(stream, {
        direction: FORWARDS,
        fromRevision: BigInt(from),
        ...(maxCount === undefined ? {} : { maxCount }),
      }),
    );
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
}

/** Chunk `number`, or undefined when it is not sealed yet. */
export const readChunk = async (client: EventStoreDBClient, number: number): Promise<TreeChunk | undefined> => {
  for await (const resolved of readForwards(client, TREE_CHUNKS_STREAM, number, 1)) {
    const chunk = chunkOfEvent(resolved);
    if (chunk.number === number) return chunk;
  }
  return undefined;
};

/** The chunks from `from` down to the first, newest first. */
export async function* readChunksBackwards(
  client: EventStoreDBClient,
  from: number,
): AsyncGenerator<TreeChunk, void, undefined> {
  try {
    for await (const resolved of finishedRead<ResolvedEvent>(
      client.readStream(TREE_CHUNKS_STREAM, { direction: BACKWARDS, fromRevision: BigInt(from) }),
    ))
      yield chunkOfEvent(resolved);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
}

/** The last chunk sealed, or undefined before the first. */
export const readLastChunk = async (client: EventStoreDBClient): Promise<TreeChunk | undefined> => {
  try {
    for await (const resolved of finishedRead<ResolvedEvent>(
      client.readStream(TREE_CHUNKS_STREAM, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }),
    ))
      return chunkOfEvent(resolved);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return undefined;
};
