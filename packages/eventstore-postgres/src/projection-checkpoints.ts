import type { ParkedAt, ProjectionCheckpoints, ProjectionRecord } from '@coachline/eventstore';
import type { SqlClient } from './sql-client';

interface ProjectionRow {
  readonly name: string;
  readonly version: number;
  readonly position: number;
  readonly state: string;
  readonly parked: ParkedAt | null;
}

const recordOf = (row: ProjectionRow): ProjectionRecord => ({
  name: row.name,
  version: row.version,
  position: row.position,
  state: JSON.parse(row.state) as unknown,
  ...(row.parked ? { parked: row.parked } : {}),
});

/**
 * Projection views and checkpoints in the store's own database. A view's state and the
 * position it reflects are one row written by one statement: after a crash at any point the
 * row holds either the old pair or the new one, never a view with the wrong position.
 */
export class PostgresProjectionCheckpoints implements ProjectionCheckpoints {
  private readonly table: string;

  constructor(
    private readonly client: SqlClient,
    schema: string,
  ) {
    this.table = `"${schema}".projections`;
  }

  async load(name: string): Promise<ProjectionRecord | undefined> {
    const [row] = await this.client.query<ProjectionRow>(
      `SELECT name, version, position, state, parked FROM ${this.table} WHERE name = $1`,
      [name],
    );
    return row ? recordOf(row) : undefined;
  }

  async save(record: ProjectionRecord): Promise<void> {
    await this.client.query(
      `INSERT INTO ${this.table} (name, version, position, state, parked, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, now())
       ON CONFLICT (name) DO UPDATE
         SET version = EXCLUDED.version, position = EXCLUDED.position, state = EXCLUDED.state,
             parked = EXCLUDED.parked, updated_at = EXCLUDED.updated_at`,
      [
        record.name,
        record.version,
        record.position,
        JSON.stringify(record.state),
        record.parked ? JSON.stringify(record.parked) : null,
      ],
    );
  }

  async list(): Promise<ReadonlyArray<ProjectionRecord>> {
    const rows = await this.client.query<ProjectionRow>(
      `SELECT name, version, position, state, parked FROM ${this.table} ORDER BY name`,
    );
    return rows.map(recordOf);
  }
}
