import {
  type AppendResult,
  type CompactRange,
  type ExpectedRevision,
  meetsExpectedRevision,
  TreeEdge,
} from '@coachline/eventstore';
import { fitsOneStatement } from './bulk-rows';
import { EVENT_COLUMNS, eventRow, sealRow, type EncodedEvent } from './event-rows';
import type { SqlClient, SqlQueryable, SqlTransaction, SqlValue } from './sql-client';
import type { Statements } from './statements';
import { catchUpTree } from './tree-catch-up';
import { peaksColumn, rangeOf, treeIsCurrent } from './tree-rows';

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

/**
 * Where the global order ends: the last position handed out and its chain hash, read under the head's
 * lock, and the Merkle tree's right edge. The tree covers every position below the head unless it was
 * switched off for a while (or an older release wrote): then it is behind, and caught up before it grows.
 */
export interface LockedHead {
  readonly position: number;
  readonly chain: string;
  readonly tree: CompactRange;
}

interface HeadRow {
  readonly position: number;
  readonly chain: string | null;
  readonly tree_size: number;
  readonly peaks: unknown;
}

const headOf = (row: HeadRow | undefined): LockedHead =>
  row === undefined
    ? { position: 0, chain: '', tree: rangeOf(0, null) }
    : { position: row.position, chain: row.chain ?? '', tree: rangeOf(row.tree_size, row.peaks) };

export const lockHead = async (tx: SqlQueryable, statements: Statements): Promise<LockedHead> => {
  const [locked] = await tx.query<HeadRow>(statements.lockHead);
  return headOf(locked);
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
  readonly head_tree_size: number;
  readonly head_peaks: unknown;
  readonly seen_position?: number;
  readonly seen_chain?: string | null;
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
  const head = headOfTipRow(first);
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

const headOfTipRow = (row: LockedHeadWithTip | undefined): LockedHead =>
  headOf(
    row === undefined
      ? undefined
      : { position: row.head_position, chain: row.head_chain, tree_size: row.head_tree_size, peaks: row.head_peaks },
  );

/**
 * The advance statement's parameters: the streams' new tips, the new head, the channel to notify, the
 * head's chain, and the tree's size and peaks when `keepTree` (else null, leaving them as they are).
 */
export const advanceParameters = (
  statements: Statements,
  tips: ReadonlyArray<[string, StreamTip]>,
  head: LockedHead,
  keepTree: boolean,
): SqlValue[] => [
  tips.map(([stream]) => stream),
  tips.map(([, tip]) => tip.revision),
  tips.map(([, tip]) => tip.position),
  tips.map(([, tip]) => tip.hash),
  head.position,
  statements.channel,
  head.chain,
  keepTree ? head.tree.size : null,
  keepTree ? peaksColumn(head.tree) : null,
];

/** Up to this many rows a group commit writes its events and advances in a single statement. */
export const SINGLE_STATEMENT_ROWS = 100;

/** A batch checked against a head and tips: each append's outcome and the rows and tips the written ones make. */
export interface BatchPlan {
  readonly outcomes: AppendOutcome[];
  readonly rows: SqlValue[][];
  /** The streams the batch writes to, at their new tips. */
  readonly advanced: Map<string, StreamTip>;
  /** The head once the rows are written (the given head when there are none). */
  readonly head: LockedHead;
  /** Whether the rows carry their tree nodes and the head its grown tree. */
  readonly keepsTree: boolean;
}

/**
 * Checks each append against the revisions the earlier ones in the batch leave behind, and hashes the
 * rows of those that pass; a rejected append only costs its own place, its neighbours are written.
 */
export const planBatch = (
  batch: ReadonlyArray<AppendRequest>,
  head: LockedHead,
  tipOf: (stream: string) => StreamTip | undefined,
  keepTree: boolean,
): BatchPlan => {
  const rows: SqlValue[][] = [];
  const advanced = new Map<string, StreamTip>();
  let position = head.position;
  // The chain runs through the batch in the order its rows take positions; a conflict adds no link.
  let chain = head.chain;
  // A tree behind the head cannot take leaves until it is caught up; the rows then go without nodes.
  const keepsTree = keepTree && treeIsCurrent(head);
  const tree = keepsTree ? new TreeEdge(head.tree) : undefined;

  const outcomes = batch.map((append): AppendOutcome => {
    const tip = advanced.get(append.stream) ?? tipOf(append.stream);
    if (!meetsExpectedRevision(append.expected, tip?.revision)) return { kind: 'conflict', actual: tip?.revision };
    let revision = tip?.revision ?? -1;
    let hash = tip?.hash ?? '';
    for (const event of append.events) {
      revision += 1;
      position += 1;
      const sealed = sealRow(event, append.stream, revision, hash, chain, tree);
      hash = sealed.hash;
      chain = sealed.chain;
      rows.push(eventRow(event, append.stream, revision, position, sealed));
    }
    if (append.events.length === 0) {
      return { kind: 'appended', result: { nextRevision: revision, lastPosition: tip?.position ?? 0 } };
    }
    advanced.set(append.stream, { revision, position, hash });
    return { kind: 'appended', result: { nextRevision: revision, lastPosition: position } };
  });
  return { outcomes, rows, advanced, head: { position, chain, tree: tree?.range() ?? head.tree }, keepsTree };
};

/** What a group commit leaves behind: each append's outcome, the head, and the tips of the batch's streams. */
export interface WrittenBatch {
  readonly outcomes: AppendOutcome[];
  /** The head the batch was planned on, which its tips held at. */
  readonly startedAt: LockedHead;
  readonly head: LockedHead;
  /** Every stream of the batch at its tip after the commit; `undefined` for one that has no events. */
  readonly tips: Map<string, StreamTip | undefined>;
}

const tipsAfter = (
  batch: ReadonlyArray<AppendRequest>,
  plan: BatchPlan,
  tipOf: (stream: string) => StreamTip | undefined,
): Map<string, StreamTip | undefined> =>
  new Map(batch.map(({ stream }) => [stream, plan.advanced.get(stream) ?? tipOf(stream)]));

/**
 * One group commit in a transaction: the head's lock and the streams' tips read under it, then the
 * rows and the advance. It holds whatever another process wrote before it.
 */
export const writeBatch = async (
  tx: SqlTransaction,
  statements: Statements,
  batch: ReadonlyArray<AppendRequest>,
  keepTree = true,
): Promise<WrittenBatch> => {
  // Under the head's lock no other writer can change a stream until this transaction ends.
  const { head: found, tips } = await lockHeadAndReadTips(tx, statements, [
    ...new Set(batch.map((append) => append.stream)),
  ]);
  const locked = keepTree && !treeIsCurrent(found) ? await catchUpTree(tx, statements, found) : found;
  const tipOf = (stream: string) => tips.get(stream);
  const plan = planBatch(batch, locked, tipOf, keepTree);
  const { rows } = plan;
  if (rows.length > 0) {
    const advance = advanceParameters(statements, [...plan.advanced.entries()], plan.head, plan.keepsTree);
    if (fitsOneStatement(rows, EVENT_COLUMNS.length, SINGLE_STATEMENT_ROWS)) {
      await tx.query(statements.insertAndAdvance(rows.length), [...rows.flat(), ...advance]);
    } else {
      await tx.insertRows(statements.eventsTable, EVENT_COLUMNS, rows);
      await tx.query(statements.advance, advance);
    }
  }
  return { outcomes: plan.outcomes, startedAt: locked, head: plan.head, tips: tipsAfter(batch, plan, tipOf) };
};

/**
 * One group commit as a single statement in its own transaction, planned on a head and tips kept from
 * earlier commits: it writes only if the head is still where they were taken, which proves the tips
 * current. Resolves to `undefined`, having written nothing, when another writer moved the head.
 */
export const writeBatchAtHead = async (
  client: SqlClient,
  statements: Statements,
  batch: ReadonlyArray<AppendRequest>,
  head: LockedHead,
  tipOf: (stream: string) => StreamTip | undefined,
  keepTree = true,
): Promise<WrittenBatch | undefined> => {
  // A tree behind the head is caught up only under the head's lock, in `writeBatch`.
  if (keepTree && !treeIsCurrent(head)) return undefined;
  const plan = planBatch(batch, head, tipOf, keepTree);
  // Outcomes without rows (conflicts, empty appends) would rest on tips nothing checks.
  if (plan.rows.length === 0 || !fitsOneStatement(plan.rows, EVENT_COLUMNS.length, SINGLE_STATEMENT_ROWS)) {
    return undefined;
  }
  const advance = advanceParameters(statements, [...plan.advanced.entries()], plan.head, plan.keepsTree);
  const written = await client.execute(statements.appendAtHead(plan.rows.length), [
    ...plan.rows.flat(),
    ...advance,
    head.position,
    head.chain,
  ]);
  if (written.length === 0) return undefined;
  return { outcomes: plan.outcomes, startedAt: head, head: plan.head, tips: tipsAfter(batch, plan, tipOf) };
};

/** The head and the tips of `streams` as one snapshot saw them, to plan a batch on without a lock. */
export const readHeadAndTips = async (
  client: SqlQueryable,
  statements: Statements,
  streams: ReadonlyArray<string>,
): Promise<{ head: LockedHead; tips: Map<string, StreamTip | undefined> }> => {
  const rows = await client.query<LockedHeadWithTip>(statements.headAndTips, [streams]);
  const [first] = rows;
  const tips = new Map<string, StreamTip | undefined>(streams.map((stream) => [stream, undefined]));
  for (const row of rows) {
    if (row.stream !== null && row.revision !== null && row.position !== null) {
      tips.set(row.stream, { revision: row.revision, position: row.position, hash: row.hash ?? '' });
    }
  }
  return { head: headOfTipRow(first), tips };
};
