import type { SqlTransaction } from './sql-client';

/** The id's index, set aside by an import: to be built over every row it wrote before it commits. */
export interface IdIndexSetAside {
  build(): Promise<void>;
}

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The id's unique index, with the statement that drops it and the one that makes it again as it is
 * now (read from the catalog, so whatever a later migration makes of it is kept).
 */
const setAsideStatements = `
  SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', con.conrelid::regclass, con.conname) AS drop,
    format('ALTER TABLE %s ADD CONSTRAINT %I %s', con.conrelid::regclass, con.conname, pg_get_constraintdef(con.oid))
      AS create
  FROM pg_constraint AS con
  WHERE con.conrelid = $1::regclass AND con.conname = 'events_id'`;

/**
 * For an import into an empty events table: drops the id's unique index, so that the COPY does not
 * keep it row by row, and `build` makes it again in one sorted pass. Each random id lands at a random
 * place in that tree, most of what PostgreSQL spends beyond the minimal table's work; the other
 * indexes grow at their right end as positions rise and cost little. All of it in the import's
 * transaction: a failure or a crash before COMMIT leaves the index as it was, and an id given twice
 * fails the build, naming the id, as it would have failed the COPY.
 *
 * Dropping an index needs the table to itself: from then on readers wait for the import's COMMIT,
 * as writers already wait for the head. The lock is taken only when no one holds any lock on the
 * table (NOWAIT): an appender that planned its insert before the import took the head's lock holds
 * one while it waits for the head, and waiting for it would be a deadlock. Then the index stays and
 * is kept row by row.
 */
export const setIdIndexAside = async (
  tx: SqlTransaction,
  eventsTable: string,
): Promise<IdIndexSetAside | undefined> => {
  await tx.query('SAVEPOINT set_id_index_aside');
  try {
    await tx.query(`LOCK TABLE ${eventsTable} IN ACCESS EXCLUSIVE MODE NOWAIT`);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== LOCK_NOT_AVAILABLE) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT set_id_index_aside');
    return undefined;
  }
  await tx.query('RELEASE SAVEPOINT set_id_index_aside');
  const [index] = await tx.query<{ drop: string; create: string }>(setAsideStatements, [eventsTable]);
  if (index === undefined) return undefined;
  await tx.run(index.drop);
  return { build: () => tx.run(index.create) };
};
