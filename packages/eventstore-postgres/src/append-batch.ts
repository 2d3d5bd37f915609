import type { AppendResult, ExpectedRevision } from '@coachline/eventstore';
import { fitsOneStatement } from './bulk-rows';
import { EVENT_COLUMNS, eventRow, type EncodedEvent } from './event-rows';
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

export const expectationMet = (expected: ExpectedRevision, actual: number | undefined): boolean =>
  expected === 'any' || (expected === 'no-stream' ? actual === undefined : actual === expected);

/** Where a stream ends: its last event's revision and position. */
export interface StreamTip {
  readonly revision: number;
  readonly position: number;
}

export const readStreamTips = async (
  reader: SqlQueryable,
  statements: Statements,
  streams: ReadonlyArray<string>,
): Promise<Map<string, StreamTip>> => {
  const rows = await reader.query<{ stream: string } & StreamTip>(statements.streamRevisions, [streams]);
  return new Map(rows.map((row) => [row.stream, { revision: row.revision, position: row.position }]));
};

/** The advance statement's parameters: the streams' new tips, the new head and the channel to notify. */
export const advanceParameters = (
  statements: Statements,
  tips: ReadonlyArray<[string, StreamTip]>,
  head: number,
): SqlValue[] => [
  tips.map(([stream]) => stream),
  tips.map(([, tip]) => tip.revision),
  tips.map(([, tip]) => tip.position),
  head,
  statements.channel,
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
  const [locked] = await tx.query<{ position: number }>(statements.lockHead);
  // Read under the head's lock: no other writer can change a stream until this transaction ends.
  const tips = await readStreamTips(tx, statements, [...new Set(batch.map((append) => append.stream))]);
  const rows: SqlValue[][] = [];
  const advanced = new Map<string, StreamTip>();
  let position = locked?.position ?? 0;

  const outcomes = batch.map((append): AppendOutcome => {
    const tip = tips.get(append.stream);
    if (!expectationMet(append.expected, tip?.revision)) return { kind: 'conflict', actual: tip?.revision };
    let revision = tip?.revision ?? -1;
    for (const event of append.events) {
      revision += 1;
      position += 1;
      rows.push(eventRow(event, append.stream, revision, position));
    }
    if (append.events.length === 0) {
      return { kind: 'appended', result: { nextRevision: revision, lastPosition: tip?.position ?? 0 } };
    }
    const newTip = { revision, position };
    tips.set(append.stream, newTip);
    advanced.set(append.stream, newTip);
    return { kind: 'appended', result: { nextRevision: revision, lastPosition: position } };
  });

  if (rows.length > 0) {
    const advance = advanceParameters(statements, [...advanced.entries()], position);
    if (fitsOneStatement(rows, EVENT_COLUMNS.length, SINGLE_STATEMENT_ROWS)) {
      await tx.query(statements.insertAndAdvance(rows.length), [...rows.flat(), ...advance]);
    } else {
      await tx.insertRows(statements.eventsTable, EVENT_COLUMNS, rows);
      await tx.query(statements.advance, advance);
    }
  }
  return outcomes;
};
