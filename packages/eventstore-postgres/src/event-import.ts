import { DuplicateEventError, TreeEdge, type EventToAppend } from '@coachline/eventstore';
import { advanceParameters, lockHead, readStreamTips, type StreamTip } from './append-batch';
import { duplicateEventId } from './errors';
import { EVENT_COLUMNS, encodeEvent, eventRow, sealRow } from './event-rows';
import { setIdIndexAside } from './import-indexes';
import type { SqlClient, SqlQueryable, SqlValue } from './sql-client';
import type { Statements } from './statements';
import { catchUpTree } from './tree-catch-up';
import { treeIsCurrent } from './tree-rows';

/** One event of an import and the stream it goes to the end of. */
export interface ImportedEvent {
  readonly stream: string;
  readonly event: EventToAppend;
}

export interface ImportResult {
  readonly imported: number;
  /** The head after the import (unchanged when nothing was imported). */
  readonly lastPosition: number;
}

export interface ImportOptions {
  /** Events handed to the bulk write at a time (all through one COPY on a server); memory holds about one chunk. */
  readonly chunkSize?: number;
  /** Whether the rows get their tree nodes (default true); see `StoreTuning.keepTree`. */
  readonly keepTree?: boolean;
}

const STREAMS_PER_STATEMENT = 10_000;

/**
 * The bulk path: appends every event to the end of its stream in one transaction (all or nothing),
 * holding the head's lock throughout so positions stay gapless, and writing in chunks through COPY on a
 * server (multi-row INSERT on PGlite). Memory holds one chunk plus one revision per stream touched.
 */
export const importEvents = async (
  client: SqlClient,
  statements: Statements,
  source: AsyncIterable<ImportedEvent> | Iterable<ImportedEvent>,
  options: ImportOptions = {},
): Promise<ImportResult> => {
  // Small enough that a chunk's events die young: at 2,000 the collector copied each chunk from
  // one young generation to the next, about twice the collection time of 500.
  const chunkSize = options.chunkSize ?? 500;
  try {
    return await client.transaction(async (tx) => {
      const keepTree = options.keepTree ?? true;
      const found = await lockHead(tx, statements);
      const locked = keepTree && !treeIsCurrent(found) ? await catchUpTree(tx, statements, found) : found;
      const keepsTree = keepTree && treeIsCurrent(locked);
      const tree = keepsTree ? new TreeEdge(locked.tree) : undefined;
      const tips = new Map<string, StreamTip>();
      const seen = new Set<string>();
      const head = locked.position;
      // An empty store has no stream to look up, and its id index is cheaper built once at the end.
      const empty = head === 0;
      const idIndex = empty ? await setIdIndexAside(tx, statements.eventsTable) : undefined;
      let position = head;
      let chain = locked.chain;
      let chunk: ImportedEvent[] = [];
      const writer = await tx.openBulkWriter(statements.eventsTable, EVENT_COLUMNS);

      const flush = async () => {
        // Only streams this transaction has not written yet are looked up, and while it holds the
        // head's lock nobody else can change them, so a read beside the open COPY sees them as they are.
        if (!empty) await learnTips(tx.readsBeside, statements, tips, chunk, seen);
        const rows = chunk.map((item): SqlValue[] => {
          const tip = tips.get(item.stream);
          const revision = (tip?.revision ?? -1) + 1;
          position += 1;
          const encoded = encodeEvent(item.event);
          const sealed = sealRow(encoded, item.stream, revision, tip?.hash ?? '', chain, tree);
          chain = sealed.chain;
          tips.set(item.stream, { revision, position, hash: sealed.hash });
          return eventRow(encoded, item.stream, revision, position, sealed);
        });
        chunk = [];
        await writer.write(rows);
      };

      try {
        for await (const item of source) {
          if (typeof item.stream !== 'string' || item.stream === '')
            throw new TypeError('Every imported event needs a stream.');
          chunk.push(item);
          if (chunk.length >= chunkSize) await flush();
        }
        if (chunk.length > 0) await flush();
        await writer.finish();
      } catch (error) {
        await writer.abort(error);
        throw error;
      }
      await idIndex?.build();
      // A store filled by one import has no statistics until autovacuum comes by, if it is on at
      // all; without them the planner reads a type's events through the type index and sorts
      // them, where the position's index gives them in order (a rebuild reads by type). The JSON
      // columns are left out: sampling them took most of the time and no plan reads them.
      if (empty) await tx.query(`ANALYZE ${statements.eventsTable} (position, type, stream)`);
      const touched = [...tips.entries()];
      const grown = tree?.range() ?? locked.tree;
      for (let start = 0; start < touched.length; start += STREAMS_PER_STATEMENT) {
        await tx.query(
          statements.advance,
          advanceParameters(
            statements,
            touched.slice(start, start + STREAMS_PER_STATEMENT),
            { position, chain, tree: grown },
            keepsTree,
          ),
        );
      }
      return { imported: position - head, lastPosition: position };
    });
  } catch (error) {
    const duplicate = duplicateEventId(error);
    if (duplicate !== undefined) throw new DuplicateEventError(duplicate);
    throw error;
  }
};

/** Looks up where the chunk's streams not seen yet end (new streams stay absent until written). */
const learnTips = async (
  reader: SqlQueryable,
  statements: Statements,
  tips: Map<string, StreamTip>,
  chunk: ReadonlyArray<ImportedEvent>,
  seen: Set<string>,
) => {
  const unseen = [...new Set(chunk.map((item) => item.stream))].filter((stream) => !seen.has(stream));
  if (unseen.length === 0) return;
  for (const stream of unseen) seen.add(stream);
  for (const [stream, tip] of await readStreamTips(reader, statements, unseen)) tips.set(stream, tip);
};
