import { canonicalContent, EMPTY_RANGE, rangeRoot, TreeEdge, type TreeHash } from '@coachline/eventstore';
import { SELECT_EVENT_COLUMNS, toStoredEvent, type EventRecord } from './event-rows';
import type { SqlQueryable } from './sql-client';
import type { Statements } from './statements';
import { bytesOf, rangeOf } from './tree-rows';

const PAGE = 2_000;

/** What recomputing the tree from the events found. */
export type TreeAudit =
  | { readonly kind: 'intact'; readonly size: number; readonly root: TreeHash }
  /** The first place where the stored tree and the events disagree; `position` 0 names the head. */
  | { readonly kind: 'broken'; readonly position: number; readonly reason: string };

/**
 * Recomputes the tree from every event as it lies now (its content serialized again from the row)
 * and compares each row's stored nodes, then the head's size and peaks: an event changed in SQL
 * after it was written gives another leaf, so the first row it touches no longer matches. O(n) in
 * the events, one page in memory; run it in one snapshot (a read-only store's transaction).
 */
export const auditTree = async (session: SqlQueryable, statements: Statements): Promise<TreeAudit> => {
  const [head] = await session.query<{ position: number; tree_size: number; peaks: unknown }>(statements.treeHead);
  const size = head?.tree_size ?? 0;
  const tree = new TreeEdge(EMPTY_RANGE);
  let covered = 0;
  while (covered < size) {
    const rows = await session.query<EventRecord & { tree: unknown }>(
      `SELECT ${SELECT_EVENT_COLUMNS}, tree FROM ${statements.eventsTable}
        WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
      [covered, size, PAGE],
    );
    if (rows.length === 0) return broken(covered + 1, 'the tree covers it, but no event holds the position');
    for (const row of rows) {
      if (row.position !== covered + 1) return broken(covered + 1, 'the tree covers it, but the event is missing');
      const completed = tree.addEvent(canonicalContent(toStoredEvent(row)));
      const stored = bytesOf(row.tree);
      if (stored === undefined) return broken(row.position, 'the event has no tree nodes');
      if (stored.toString('hex') !== completed)
        return broken(row.position, 'the event’s tree nodes differ from those its content and the events before give');
      covered += 1;
    }
  }
  let expected: ReturnType<typeof rangeOf>;
  try {
    expected = rangeOf(size, head?.peaks ?? null);
  } catch (error) {
    return broken(0, (error as Error).message);
  }
  const root = rangeRoot(tree.range());
  if (!Buffer.from(rangeRoot(expected)).equals(Buffer.from(root)))
    return broken(0, 'the head’s tree peaks differ from those the events give');
  return { kind: 'intact', size, root };
};

const broken = (position: number, reason: string): TreeAudit => ({ kind: 'broken', position, reason });
