import type { ChildKeyVault, ChildKeyWrappingState, Rewrap, WrapAt, WrappedChildKey } from '@coachline/eventstore';
import type { SqlClient, SqlQueryable } from './sql-client';

interface KeyRow {
  readonly child_ref: string;
  readonly key_id: string;
  readonly generation: number;
  /** The wrapped key, or the raw key of a row from before wrapping, as base64. */
  readonly wrapped: string;
}

const keyOf = (row: KeyRow): WrappedChildKey => ({
  childRef: row.child_ref,
  keyId: row.key_id,
  generation: row.generation,
  wrapped: Buffer.from(row.wrapped, 'base64'),
});

/** Rounds of read-then-create before giving up; each lost race ends with the winner's key read. */
const CREATE_ATTEMPTS = 3;
/** Keys re-wrapped per statement during a rotation. */
const REWRAP_BATCH = 500;

/** The one row a statement on the wrapping row returns. */
const onlyRow = <R>(rows: ReadonlyArray<R>): R => {
  const [row] = rows;
  if (row === undefined) throw new Error('The store’s schema has no child key wrapping row.');
  return row;
};

/**
 * Children's wrapped keys in the store's own schema (`child_keys`, `child_erasures`), and the
 * generation they are wrapped under (`child_key_wrapping`, one row). Keys travel as base64 text
 * so the same statements run on a server and on PGlite.
 *
 * The wrapping row is the lock that keeps rotations, erasures and new keys apart: a new key is
 * inserted while holding it shared, at the generation it names, and a rotation holds it
 * exclusively while it re-wraps every key and moves the generation in one transaction. So no key
 * is ever left at a generation a rotation has moved past, and a crash leaves the keys either all
 * before the rotation or all after it. Every statement takes that row first, then key rows, so
 * none waits on another in a circle.
 */
export class PostgresChildKeyVault implements ChildKeyVault {
  private readonly keys: string;
  private readonly erasures: string;
  private readonly wrapping: string;
  private readonly columns = `child_ref, key_id, generation, encode(coalesce(wrapped, key), 'base64') AS wrapped`;

  constructor(
    private readonly client: SqlClient,
    schema: string,
  ) {
    this.keys = `"${schema}".child_keys`;
    this.erasures = `"${schema}".child_erasures`;
    this.wrapping = `"${schema}".child_key_wrapping`;
  }

  async state(): Promise<ChildKeyWrappingState> {
    const row = onlyRow(
      await this.client.query<{ store_id: string; generation: number; rotation_owed: boolean }>(
        `SELECT store_id, generation, rotation_owed FROM ${this.wrapping}`,
      ),
    );
    return { storeId: row.store_id, generation: row.generation, rotationOwed: row.rotation_owed };
  }

  async holdsWrappedKeys(): Promise<boolean> {
    const [row] = await this.client.query<{ held: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${this.keys} WHERE generation > 0) AS held`,
    );
    return row?.held === true;
  }

  async byChild(childRef: string): Promise<WrappedChildKey | 'erased' | undefined> {
    const [row] = await this.client.query<KeyRow>(`SELECT ${this.columns} FROM ${this.keys} WHERE child_ref = $1`, [
      childRef,
    ]);
    if (row) return keyOf(row);
    return (await this.isErased(childRef)) ? 'erased' : undefined;
  }

  async byKeyId(keyId: string): Promise<WrappedChildKey | undefined> {
    const [row] = await this.client.query<KeyRow>(`SELECT ${this.columns} FROM ${this.keys} WHERE key_id = $1`, [
      keyId,
    ]);
    return row ? keyOf(row) : undefined;
  }

  async isErased(childRef: string): Promise<boolean> {
    return (await this.client.query(`SELECT 1 FROM ${this.erasures} WHERE child_ref = $1`, [childRef])).length > 0;
  }

  async create(childRef: string, keyId: string, wrapAt: WrapAt): Promise<WrappedChildKey | 'erased'> {
    for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
      const created = await this.client.transaction(async (tx) => {
        const { generation } = onlyRow(
          await tx.query<{ generation: number }>(`SELECT generation FROM ${this.wrapping} FOR SHARE`),
        );
        const wrapped = Buffer.from(await wrapAt(generation)).toString('base64');
        // One statement checks the tombstone and creates the key, so no key is made for a child already erased.
        const [row] = await tx.query<KeyRow>(
          `INSERT INTO ${this.keys} (child_ref, key_id, wrapped, generation)
             SELECT $1, $2, decode($3, 'base64'), $4 WHERE NOT EXISTS (SELECT 1 FROM ${this.erasures} WHERE child_ref = $1)
             ON CONFLICT (child_ref) DO NOTHING
             RETURNING ${this.columns}`,
          [childRef, keyId, wrapped, generation],
        );
        return row;
      });
      if (created) return keyOf(created);
      // Erased, or another writer created the child's key first: either is the answer.
      const found = await this.byChild(childRef);
      if (found !== undefined) return found;
    }
    throw new Error('The child’s key could neither be read nor created.');
  }

  /** Deletes the key and records the tombstone, and that a rotation is owed, in one transaction. */
  async erase(childRef: string, on: string): Promise<boolean> {
    return this.client.transaction(async (tx) => {
      const { rotation_owed } = onlyRow(
        await tx.query<{ rotation_owed: boolean }>(`SELECT rotation_owed FROM ${this.wrapping} FOR UPDATE`),
      );
      const deleted = await tx.query(`DELETE FROM ${this.keys} WHERE child_ref = $1 RETURNING key_id`, [childRef]);
      await tx.query(
        `INSERT INTO ${this.erasures} (child_ref, erased_on) VALUES ($1, $2::date) ON CONFLICT (child_ref) DO NOTHING`,
        [childRef, on],
      );
      if (deleted.length === 0) return rotation_owed;
      await tx.query(`UPDATE ${this.wrapping} SET rotation_owed = true`);
      return true;
    });
  }

  async rewrapAll(from: number, to: number, rewrap: Rewrap): Promise<void> {
    await this.client.transaction(async (tx) => {
      const { generation } = onlyRow(
        await tx.query<{ generation: number }>(`SELECT generation FROM ${this.wrapping} FOR UPDATE`),
      );
      if (generation !== from) return;
      const pending = await tx.query<KeyRow>(
        `SELECT ${this.columns} FROM ${this.keys} WHERE generation <> $1 ORDER BY child_ref`,
        [to],
      );
      for (let start = 0; start < pending.length; start += REWRAP_BATCH) {
        const batch = pending.slice(start, start + REWRAP_BATCH);
        const wrapped: string[] = [];
        for (const row of batch) wrapped.push(Buffer.from(await rewrap(keyOf(row))).toString('base64'));
        await this.rewrite(tx, batch, wrapped, to);
      }
      await tx.query(`UPDATE ${this.wrapping} SET generation = $1, rotation_owed = false`, [to]);
    });
  }

  /**
   * Rewrites the key table (`VACUUM FULL`, which cannot run inside a transaction). A plain VACUUM
   * is not enough: it frees a dead row's space but can leave its bytes in the page until something
   * overwrites them (the last key written stays readable in the table file); the rewrite copies the
   * live keys to a new file and drops the old one. The table holds one small row per child, so the
   * rewrite is short. What PostgreSQL keeps beyond the table (WAL not yet recycled, backups,
   * replicas) holds only keys wrapped under generations the key file no longer has.
   */
  async compact(): Promise<void> {
    await this.client.query(`VACUUM FULL ${this.keys}`);
  }

  private async rewrite(
    tx: SqlQueryable,
    rows: ReadonlyArray<KeyRow>,
    wrapped: ReadonlyArray<string>,
    to: number,
  ): Promise<void> {
    await tx.query(
      `UPDATE ${this.keys} AS k SET wrapped = decode(u.wrapped, 'base64'), key = NULL, generation = $1
         FROM unnest($2::text[], $3::text[]) AS u(child_ref, wrapped)
        WHERE k.child_ref = u.child_ref`,
      [to, rows.map((row) => row.child_ref), wrapped],
    );
  }
}
