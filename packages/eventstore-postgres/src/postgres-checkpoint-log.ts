import type { CheckpointLog, StoredCheckpoint } from '@coachline/eventstore';
import type { SqlQueryable } from './sql-client';

interface CheckpointRow {
  readonly size: number;
  readonly note: string;
  readonly signed_at: string;
}

const checkpointOf = (row: CheckpointRow): StoredCheckpoint => ({
  size: row.size,
  note: row.note,
  signedAt: row.signed_at,
});

const requireSize = (size: number, what: string): number => {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`${what} must be a whole number ≥ 0, not ${size}`);
  return size;
};

/**
 * The signed checkpoints and published verifier keys of a PostgreSQL or PGlite store, in its own
 * schema: a copy of the database carries them with the events they sign. The first checkpoint kept
 * for a size stands; a later one for the same size is ignored, as is a key published again.
 */
export class PostgresCheckpointLog implements CheckpointLog {
  private readonly checkpoints: string;
  private readonly keys: string;

  constructor(
    private readonly session: SqlQueryable,
    schema: string,
  ) {
    this.checkpoints = `"${schema}".signed_checkpoints`;
    this.keys = `"${schema}".checkpoint_keys`;
  }

  async save(checkpoint: StoredCheckpoint): Promise<void> {
    await this.session.query(
      `INSERT INTO ${this.checkpoints} (size, note, signed_at) VALUES ($1, $2, $3) ON CONFLICT (size) DO NOTHING`,
      [requireSize(checkpoint.size, 'A checkpoint’s size'), checkpoint.note, checkpoint.signedAt],
    );
  }

  latest(): Promise<StoredCheckpoint | undefined> {
    return this.one(`SELECT size, note, signed_at FROM ${this.checkpoints} ORDER BY size DESC LIMIT 1`, []);
  }

  atSize(size: number): Promise<StoredCheckpoint | undefined> {
    if (!Number.isSafeInteger(size) || size < 0) return Promise.resolve(undefined);
    return this.one(`SELECT size, note, signed_at FROM ${this.checkpoints} WHERE size = $1`, [size]);
  }

  covering(size: number): Promise<StoredCheckpoint | undefined> {
    if (!Number.isSafeInteger(size) || size < 0) return Promise.resolve(undefined);
    return this.one(`SELECT size, note, signed_at FROM ${this.checkpoints} WHERE size >= $1 ORDER BY size LIMIT 1`, [
      size,
    ]);
  }

  async list(options: { readonly after?: number; readonly limit?: number } = {}): Promise<StoredCheckpoint[]> {
    const after = requireSize(options.after ?? 0, 'The size to list after');
    const limit = options.limit === undefined ? null : requireSize(options.limit, 'The number to list');
    const rows = await this.session.query<CheckpointRow>(
      `SELECT size, note, signed_at FROM ${this.checkpoints} WHERE size > $1 ORDER BY size LIMIT $2`,
      [after, limit],
    );
    return rows.map(checkpointOf);
  }

  async publishedKeys(): Promise<string[]> {
    const rows = await this.session.query<{ verifier_key: string }>(
      `SELECT verifier_key FROM ${this.keys} ORDER BY ordinal`,
    );
    return rows.map((row) => row.verifier_key);
  }

  async publishKey(verifierKey: string): Promise<void> {
    await this.session.query(
      `INSERT INTO ${this.keys} (verifier_key) VALUES ($1) ON CONFLICT (verifier_key) DO NOTHING`,
      [verifierKey],
    );
  }

  private async one(text: string, params: number[]): Promise<StoredCheckpoint | undefined> {
    const [row] = await this.session.query<CheckpointRow>(text, params);
    return row === undefined ? undefined : checkpointOf(row);
  }
}
