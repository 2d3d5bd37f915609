import { canonicalContent, TreeEdge, type CompactRange } from '@coachline/eventstore';
import { SELECT_EVENT_COLUMNS, toStoredEvent, type EventRecord } from './event-rows';
import type { SqlQueryable } from './sql-client';
import type { Statements } from './statements';
import { peaksColumn, rangeOf } from './tree-rows';

const PAGE = 2_000;

interface UncoveredHead {
  readonly position: number;
  readonly tree: CompactRange;
}

/**
 * Grows the tree over the events it does not cover yet, in order: those of a store written before the
 * tree existed, or while a writer kept it switched off. Each leaf is hashed from the row as it lies
 * (its content serialized again, as a verifier would), its nodes written into the row, and the
 * head's tree size and peaks moved last. The caller holds the head's lock, so no position moves
 * meanwhile; in one transaction with it, a failure leaves the tree where it was. Memory holds one page.
 */
export const catchUpTree = async <H extends UncoveredHead>(
  tx: SqlQueryable,
  statements: Statements,
  head: H,
): Promise<H> => {
  const tree = new TreeEdge(head.tree);
  let size = head.tree.size;
  while (size < head.position) {
    const rows = await tx.query<EventRecord>(
      `SELECT ${SELECT_EVENT_COLUMNS} FROM ${statements.eventsTable}
        WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
      [size, head.position, PAGE],
    );
    const positions: number[] = [];
    const columns: string[] = [];
    for (const row of rows) {
      // Positions are dense: a hole would give every later leaf a place that is not its own.
      if (row.position !== size + 1)
        throw new Error(`The tree cannot cover position ${row.position}: position ${size + 1} is missing`);
      positions.push(row.position);
      columns.push(tree.addEvent(canonicalContent(toStoredEvent(row))));
      size += 1;
    }
    if (rows.length === 0)
      throw new Error(`The tree cannot cover position ${size + 1}: the events table does not hold it`);
    await tx.query(
      `UPDATE ${statements.eventsTable} AS e SET tree = decode(v.tree, 'hex')
         FROM unnest($1::bigint[], $2::text[]) AS v(position, tree) WHERE e.position = v.position`,
      [positions, columns],
    );
  }
  const grown = tree.range();
  await tx.query(`UPDATE "${statements.schema}".head SET tree_size = $1, peaks = $2::bytea`, [
    grown.size,
    peaksColumn(grown),
  ]);
  return { ...head, tree: grown };
};

/** The migration's backfill: the tree over every event the store held before it kept one. */
export const backfillTree = async (tx: SqlQueryable, statements: Statements): Promise<void> => {
  const [row] = await tx.query<{ position: number; tree_size: number; peaks: unknown }>(statements.treeHead);
  if (row === undefined || row.tree_size === row.position) return;
  await catchUpTree(tx, statements, { position: row.position, tree: rangeOf(row.tree_size, row.peaks) });
};
