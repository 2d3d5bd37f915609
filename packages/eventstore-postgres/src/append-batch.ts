import { type AppendResult, type ExpectedRevision, meetsExpectedRevision } from '@coachline/eventstore';
import { fitsOneStatement } from './bulk-rows';
import { EVENT_COLUMNS, eventRow, integrityOf, type EncodedEvent } from './event-rows';
import type { SqlQueryable, SqlTransaction, SqlValue } from './sql-client';
import type { Statements } from './statements';

export interface AppendRequest {
  readonly stream: string;
  readonly events: ReadonlyArray<EncodedEvent>;
  readonly expected: ExpectedRevision;
}

export type AppendOutcome =
  | { readonly kind: 'appended'; readonly result: AppendResult }
  | { readonly kind: 'conflict'; readonly actual: number | undefined };

/** Where a stream ends: its last event's revision, position and hash. */
export interface StreamTip {
  readonly revision: number;
  readonly position: number;
  readonly hash: string;
}

/** Where the global order ends: the last position handed out and its chain hash, read under the head's lock. */
export interface LockedHead {
  readonly position: number;
  readonly chain: string;
}

export const lockHead = async (tx: SqlQueryable, statements: Statements): Promise<LockedHead> => {
  const [locked] = await tx.query<{ position: number; chain: string | null }>(statements.lockHead);
  return { position: locked?.position ?? 0, chain: locked?.chain ?? '' };
};

export const readStreamTips = async (
  reader: SqlQueryable,
  statements: Statements,
  streams: ReadonlyArray<string>,
): Promise<Map<string, StreamTip>> => {
  const rows = await reader.query<{ stream: string; revision: number; position: number; hash: string | null }>(
    statements.streamRevisions,
    [streams],
  );
  return new Map(
    rows.map((row) => [row.stream, { revision: row.revision, position: row.position, hash: row.hash ?? '' }]),
  );
};

interface LockedHeadWithTip {
  readonly head_position: number;
  readonly head_chain: string | null;
  readonly seen_position: number;
  readonly seen_chain: string | null;
  readonly stream: string | null;
  readonly revision: number | null;
  readonly position: number | null;
  readonly hash: string | null;
}

/**
 * The head's lock and the streams' tips in one round trip (BEGIN included). The tips are read in the
 * statement's snapshot, taken before the lock was granted: if a writer committed in between (the
 * locked head is not the head that snapshot saw), they are read again, now under the lock.
 */
export const lockHeadAndReadTips = async (
  tx: SqlQueryable,
  statements: Statements,
  streams: ReadonlyArray<string>,
): Promise<{ head: LockedHead; tips: Map<string, StreamTip> }> => {
  const rows = await tx.query<LockedHeadWithTip>(statements.lockHeadWithTips(streams));
  const [first] = rows;
  const head = { position: first?.head_position ?? 0, chain: first?.head_chain ?? '' };
  if (first === undefined || first.seen_position !== first.head_position || first.seen_chain !== first.head_chain) {
    return { head, tips: await readStreamTips(tx, statements, streams) };
  }
  const tips = new Map<string, StreamTip>();
  for (const row of rows) {
    if (row.stream !== null && row.revision !== null && row.position !== null) {
      tips.set(row.stream, { revision: row.revision, position: row.position, hash: row.hash ?? '' });
    }
  }
  return { head, tips };
};

/** The advance statement's parameters: the streams' new tips, the new head, the channel to notify, the head's chain. */
export const advanceParameters = (
  statements: Statements,
  tips: ReadonlyArray<[string, StreamTip]>,
  head: LockedHead,
): SqlValue[] => [
  tips.map(([stream]) => stream),
  tips.map(([, tip]) => tip.revision),
  tips.map(([, tip]) => tip.position),
  tips.map(([, tip]) => tip.hash),
  head.position,
  statements.channel,
  head.chain,
];

/** Up to this many rows a group commit writes its events and advances in a single statement. */
const SINGLE_STATEMENT_ROWS = 100;

/**
 * One group commit: the appends of every caller waiting at that moment, checked and written in one
 * transaction. Each append is checked against the revisions the earlier ones in the batch leave
 * behind, and a rejected append only costs its own place: its neighbours are written all the same.
 */
export const writeBatch = async (
  tx: SqlTransaction,
  statements: Statements,
  batch: ReadonlyArray<AppendRequest>,
): Promise<AppendOutcome[]> => {
  // Under the head's lock no other writer can change a stream until this transaction ends.
  const { head: locked, tips } = await lockHeadAndReadTips(tx, statements, [
    ...new Set(batch.map((append) => append.stream)),
  ]);
  const rows: SqlValue[][] = [];
  const advanced = new Map<string, StreamTip>();
  let position = locked.position;
  // The chain runs through the batch in the order its rows take positions; a conflict adds no link.
  let chain = locked.chain;

  const outcomes = batch.map((append): AppendOutcome => {
    const tip = tips.get(append.stream);
    if (!meetsExpectedRevision(append.expected, tip?.revision)) return { kind: 'conflict', actual: tip?.revision };
    let revision = tip?.revision ?? -1;
    let hash = tip?.hash ?? '';
    for (const event of append.events) {
      revision += 1;
      position += 1;
      const integrity = integrityOf(event, append.stream, revision, hash, chain);
      hash = integrity.hash;
      chain = integrity.chain;
      rows.push(eventRow(event, append.stream, revision, position, integrity));
    }
    if (append.events.length === 0) {
      return { kind: 'appended', result: { nextRevision: revision, lastPosition: tip?.position ?? 0 } };
    }
    const newTip = { revision, position, hash };
    tips.set(append.stream, newTip);
    advanced.set(append.stream, newTip);
    return { kind: 'appended', result: { nextRevision: revision, lastPosition: position } };
  });

  if (rows.length > 0) {
    const advance = advanceParameters(statements, [...advanced.entries()], { position, chain });
    if (fitsOneStatement(rows, EVENT_COLUMNS.length, SINGLE_STATEMENT_ROWS)) {
      await tx.query(statements.insertAndAdvance(rows.length), [...rows.flat(), ...advance]);
    } else {
      await tx.insertRows(statements.eventsTable, EVENT_COLUMNS, rows);
      await tx.query(statements.advance, advance);
    }
  }
  return outcomes;
};
