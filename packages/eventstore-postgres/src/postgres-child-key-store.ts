import { randomBytes, randomUUID } from 'node:crypto';
import type { ChildKey, ChildKeyStore } from '@coachline/eventstore';
import type { SqlClient } from './sql-client';

interface KeyRow {
  readonly key_id: string;
  readonly key: string;
}

const keyOf = (row: KeyRow): ChildKey => ({ keyId: row.key_id, key: Buffer.from(row.key, 'base64') });

/**
 * Children's keys in the store's own schema (`child_keys`, `child_erasures`). Keys travel as
 * base64 text so the same statements run on a server and on PGlite.
 */
export class PostgresChildKeyStore implements ChildKeyStore {
  private readonly keys: string;
  private readonly erasures: string;

  constructor(
    private readonly client: SqlClient,
    schema: string,
  ) {
    this.keys = `"${schema}".child_keys`;
    this.erasures = `"${schema}".child_erasures`;
  }

  async keyFor(childRef: string): Promise<ChildKey | 'erased'> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const [known] = await this.client.query<KeyRow>(`SELECT key_id, encode(key, 'base64') AS key FROM ${this.keys} WHERE child_ref = $1`, [childRef]);
      if (known) return keyOf(known);
      // One statement checks the tombstone and creates the key, so no key is made for a child already erased.
      const [created] = await this.client.query<KeyRow>(
        `INSERT INTO ${this.keys} (child_ref, key_id, key)
           SELECT $1, $2, decode($3, 'base64') WHERE NOT EXISTS (SELECT 1 FROM ${this.erasures} WHERE child_ref = $1)
           ON CONFLICT (child_ref) DO NOTHING
           RETURNING key_id, encode(key, 'base64') AS key`,
        [childRef, randomUUID(), randomBytes(32).toString('base64')],
      );
      if (created) return keyOf(created);
      if (await this.isErased(childRef)) return 'erased';
      // Another writer created the child's key between the two statements: read it.
    }
    throw new Error('The child’s key could neither be read nor created.');
  }

  async find(keyId: string): Promise<ChildKey | undefined> {
    const [row] = await this.client.query<KeyRow>(`SELECT key_id, encode(key, 'base64') AS key FROM ${this.keys} WHERE key_id = $1`, [keyId]);
    return row ? keyOf(row) : undefined;
  }

  async isErased(childRef: string): Promise<boolean> {
    return (await this.client.query(`SELECT 1 FROM ${this.erasures} WHERE child_ref = $1`, [childRef])).length > 0;
  }

  /**
   * Deletes the key and records the tombstone in one transaction, then rewrites the key table
   * (`VACUUM FULL`, which cannot run inside a transaction). A plain VACUUM is not enough: it frees
   * the dead row's space but can leave its bytes in the page until something overwrites them
   * (the last key written stays readable in the table file); the rewrite copies the live keys to a
   * new file and drops the old one. The table holds one small row per child, so the rewrite is
   * short. What PostgreSQL keeps beyond the table (WAL not yet recycled, backups, replicas, the
   * dropped file's blocks on disk) is listed in docs/privacy.md.
   */
  async erase(childRef: string, on: string): Promise<void> {
    const deleted = await this.client.transaction(async (tx) => {
      const rows = await tx.query(`DELETE FROM ${this.keys} WHERE child_ref = $1 RETURNING key_id`, [childRef]);
      await tx.query(`INSERT INTO ${this.erasures} (child_ref, erased_on) VALUES ($1, $2::date) ON CONFLICT (child_ref) DO NOTHING`, [childRef, on]);
      return rows.length;
    });
    if (deleted > 0) await this.client.query(`VACUUM FULL ${this.keys}`);
  }
}
