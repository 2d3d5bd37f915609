import {
  consistencyPlan,
  foldFromRight,
  inclusionPlan,
  nodeKey,
  perfectSubtrees,
  planNodes,
  rangeRoot,
  type ProofPlan,
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

/** The nodes asked for, as the rows hold them, and the tree size the head covered in the same snapshot. */
interface ReadNodes {
  readonly covered: number;
  readonly hashes: ReadonlyMap<string, TreeHash>;
}

/**
 * Reads nodes from the rows of the events that completed them, and the head's tree size, in one
 * statement: one snapshot, one round trip. A row without its nodes (a tree switched off, a column
 * nulled) leaves its node absent.
 */
const readNodes = async (
  session: SqlQueryable,
  statements: Statements,
  nodes: readonly TreeNode[],
): Promise<ReadNodes> => {
  const rows = await session.query<{ covered: number; level: number | null; index: number | null; hash: unknown }>(
    `SELECT head.tree_size AS covered, node.level, node.index, node.hash
       FROM "${statements.schema}".head AS head
       LEFT JOIN LATERAL (
         SELECT wanted.level, wanted.index,
           substring(e.tree FROM wanted.level * ${HASH_BYTES} + 1 FOR ${HASH_BYTES}) AS hash
         FROM unnest($1::int[], $2::bigint[], $3::bigint[]) AS wanted(level, index, position)
         JOIN ${statements.eventsTable} AS e ON e.position = wanted.position
       ) AS node ON true`,
    [nodes.map((node) => node.level), nodes.map((node) => node.index), nodes.map(positionOfNode)],
  );
  const hashes = new Map<string, TreeHash>();
  for (const row of rows) {
    const hash = bytesOf(row.hash);
    if (row.level !== null && row.index !== null && hash !== undefined && hash.length === HASH_BYTES)
      hashes.set(nodeKey({ level: row.level, index: Number(row.index) }), hash);
  }
  return { covered: rows[0]?.covered ?? 0, hashes };
};

const positionOfNode = (node: TreeNode): number => nodeRowPosition(node.level, node.index);

/**
 * The verifiable log of a PostgreSQL or PGlite store: the tree head from the head row's peaks, each
 * root or proof from its O(log n) nodes and the head's tree size read in one statement. Each answer
 * reads the head afresh, so it is about the tree as committed at that moment (on a read-only
 * store, as its snapshot holds it).
 */
export class PostgresVerifiableLog implements VerifiableLog {
  constructor(
    private readonly session: SqlQueryable,
    private readonly statements: Statements,
  ) {}

  async treeHead(): Promise<TreeHead> {
    const [row] = await this.session.query<{ tree_size: number; peaks: unknown }>(this.statements.treeHead);
    const range = rangeOf(row?.tree_size ?? 0, row?.peaks ?? null);
    return { size: range.size, root: rangeRoot(range) };
  }

  rootAt(size: number): Promise<E.Either<string, TreeHash>> {
    if (!Number.isSafeInteger(size) || size < 0) return Promise.resolve(E.left(`the tree has no size ${String(size)}`));
    return this.prove(size, [perfectSubtrees(0, size)], ([root]) => root as TreeHash);
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
    const plan = inclusionPlan(index, size);
    return E.isLeft(plan) ? plan : this.prove(size, plan.right, (path) => path);
  }

  async consistencyProof(older: number, newer: number): Promise<E.Either<string, TreeHash[]>> {
    const plan = consistencyPlan(older, newer);
    return E.isLeft(plan) ? plan : this.prove(newer, plan.right, (path) => path);
  }

  /**
   * Reads a plan's nodes with the head's tree size in one statement, refuses a size beyond it, and
   * folds each element. A node missing below that size is a store that lost it: a system fault.
   */
  private async prove<T>(
    size: number,
    plan: ProofPlan,
    answer: (hashes: TreeHash[]) => T,
  ): Promise<E.Either<string, T>> {
    const { covered, hashes } = await readNodes(this.session, this.statements, planNodes(plan));
    if (size > covered) return E.left(`the tree covers ${covered} events, not ${size}`);
    const folded = plan.map((element) =>
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
    return E.right(answer(folded));
  }
}
