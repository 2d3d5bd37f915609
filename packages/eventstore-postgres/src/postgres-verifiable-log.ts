import {
  consistencyPlan,
  foldFromRight,
  inclusionPlan,
  nodeKey,
  perfectSubtrees,
  planNodes,
  rangeRoot,
  type MerkleNodeStore,
  type ProofPlan,
  type StoredNode,
  type TreeHash,
  type TreeHead,
  type TreeNode,
  type VerifiableLog,
} from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import type { SqlQueryable } from './sql-client';
import type { Statements } from './statements';
import { bytesOf, nodeRowPosition, rangeOf } from './tree-rows';

const HASH_BYTES = 32;

/** Event ids are texts a caller hands in; one this long is no id any store accepted. */
const MAX_EVENT_ID_LENGTH = 1_024;

/**
 * The nodes of the tree as they lie in the events' rows: every node a proof needs read in one
 * statement, each from the row of the event that completed it. It writes nothing: the append and
 * the import write nodes with their events.
 */
export class EventRowNodes implements MerkleNodeStore {
  constructor(
    private readonly session: SqlQueryable,
    private readonly statements: Statements,
  ) {}

  async readNodes(nodes: readonly TreeNode[]): Promise<ReadonlyMap<string, TreeHash>> {
    const found = new Map<string, TreeHash>();
    if (nodes.length === 0) return found;
    const rows = await this.session.query<{ level: number; index: number; hash: unknown }>(
      `SELECT wanted.level, wanted.index, substring(e.tree FROM wanted.level * ${HASH_BYTES} + 1 FOR ${HASH_BYTES}) AS hash
         FROM unnest($1::int[], $2::bigint[], $3::bigint[]) AS wanted(level, index, position)
         JOIN ${this.statements.eventsTable} AS e ON e.position = wanted.position`,
      [nodes.map((node) => node.level), nodes.map((node) => node.index), nodes.map(positionOfNode)],
    );
    for (const row of rows) {
      const hash = bytesOf(row.hash);
      // A row without its nodes (a tree switched off, a column nulled) lacks the node: absent here.
      if (hash !== undefined && hash.length === HASH_BYTES)
        found.set(nodeKey({ level: row.level, index: Number(row.index) }), hash);
    }
    return found;
  }

  writeNodes(nodes: readonly StoredNode[]): Promise<void> {
    return Promise.reject(
      new Error(`Tree nodes are written with their events, not on their own (${nodes.length} given)`),
    );
  }
}

const positionOfNode = (node: TreeNode): number => nodeRowPosition(node.level, node.index);

/**
 * The verifiable log of a PostgreSQL or PGlite store: the tree head from the head row's peaks, proofs
 * from O(log n) nodes read in one statement. Each answer reads the head afresh, so it is about the
 * tree as committed at that moment (on a read-only store, as its snapshot holds it).
 */
export class PostgresVerifiableLog implements VerifiableLog {
  private readonly nodes: EventRowNodes;

  constructor(
    private readonly session: SqlQueryable,
    private readonly statements: Statements,
  ) {
    this.nodes = new EventRowNodes(session, statements);
  }

  async treeHead(): Promise<TreeHead> {
    const [row] = await this.session.query<{ tree_size: number; peaks: unknown }>(this.statements.treeHead);
    const range = rangeOf(row?.tree_size ?? 0, row?.peaks ?? null);
    return { size: range.size, root: rangeRoot(range) };
  }

  async rootAt(size: number): Promise<E.Either<string, TreeHash>> {
    const covered = await this.coveredSize();
    if (!Number.isSafeInteger(size) || size < 0 || size > covered)
      return E.left(`the tree has no size ${String(size)}: it covers ${covered} events`);
    const [root] = await this.assemble([perfectSubtrees(0, size)]);
    return E.right(root as TreeHash);
  }

  async leafIndexOf(eventId: string): Promise<number | undefined> {
    // PostgreSQL text cannot hold NUL: such an id names no event, and must not become an error.
    if (
      typeof eventId !== 'string' ||
      eventId.length === 0 ||
      eventId.length > MAX_EVENT_ID_LENGTH ||
      eventId.includes('\u0000')
    )
      return undefined;
    const [row] = await this.session.query<{ position: number }>(
      `SELECT e.position FROM ${this.statements.eventsTable} AS e, "${this.statements.schema}".head AS h
        WHERE e.id = $1 AND e.position <= h.tree_size`,
      [eventId],
    );
    return row === undefined ? undefined : row.position - 1;
  }

  async inclusionProof(index: number, size: number): Promise<E.Either<string, TreeHash[]>> {
    const covered = await this.coveredSize();
    if (Number.isSafeInteger(size) && size > covered) return E.left(`the tree covers ${covered} events, not ${size}`);
    const plan = inclusionPlan(index, size);
    return E.isLeft(plan) ? plan : E.right(await this.assemble(plan.right));
  }

  async consistencyProof(older: number, newer: number): Promise<E.Either<string, TreeHash[]>> {
    const covered = await this.coveredSize();
    if (Number.isSafeInteger(newer) && newer > covered)
      return E.left(`the tree covers ${covered} events, not ${newer}`);
    const plan = consistencyPlan(older, newer);
    return E.isLeft(plan) ? plan : E.right(await this.assemble(plan.right));
  }

  private async coveredSize(): Promise<number> {
    const [row] = await this.session.query<{ tree_size: number }>(this.statements.treeHead);
    return row?.tree_size ?? 0;
  }

  /** Reads a plan's nodes in one go and folds each element; a node the rows lack is a system fault. */
  private async assemble(plan: ProofPlan): Promise<TreeHash[]> {
    const hashes = await this.nodes.readNodes(planNodes(plan));
    return plan.map((element) =>
      foldFromRight(
        element.map((node) => {
          const hash = hashes.get(nodeKey(node));
          if (hash === undefined)
            throw new Error(
              `The store lacks tree node ${nodeKey(node)} (in the row of position ${positionOfNode(node)})`,
            );
          return hash;
        }),
      ),
    );
  }
}
