import { EVENT_COLUMNS } from './event-rows';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import type { SqlQueryable } from './sql-client';

/**
 * The store's schema is not the one this build writes: never migrated, migrated by another
 * release, or altered by hand. A reader that must not write says so instead of migrating.
 */
export class StoreSchemaError extends Error {
  override readonly name = 'StoreSchemaError';
}

/** The columns a reader relies on, table by table (the hash chain's among them). */
const EXPECTED_COLUMNS: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ['schema_migrations', ['version', 'name']],
  ['events', EVENT_COLUMNS],
  ['streams', ['stream', 'revision', 'position', 'hash']],
  ['head', ['position', 'chain', 'tree_size', 'peaks']],
  ['projections', ['name', 'version', 'position', 'state', 'parked']],
  ['signed_checkpoints', ['size', 'note', 'signed_at']],
  ['checkpoint_keys', ['ordinal', 'verifier_key']],
];

const missingColumns = async (session: SqlQueryable, schema: string): Promise<string[]> => {
  const rows = await session.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
    [schema],
  );
  const present = new Set(rows.map((row) => `${row.table_name}.${row.column_name}`));
  const tables = new Set(rows.map((row) => row.table_name));
  const missing: string[] = [];
  for (const [table, columns] of EXPECTED_COLUMNS) {
    if (!tables.has(table)) missing.push(`table ${table}`);
    else for (const column of columns) if (!present.has(`${table}.${column}`)) missing.push(`${table}.${column}`);
  }
  return missing;
};

const migrationProblems = async (session: SqlQueryable, schema: string): Promise<string[]> => {
  const rows = await session.query<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations`);
  const applied = new Set(rows.map((row) => row.version));
  const newest = Math.max(0, ...applied);
  if (newest > LATEST_VERSION)
    return [`it is at version ${newest}, and this Coachline knows versions up to ${LATEST_VERSION}`];
  const unapplied = MIGRATIONS.filter((migration) => !applied.has(migration.version));
  return unapplied.map((migration) => `migration ${migration.version} (${migration.name}) is not recorded`);
};

/**
 * Checks, reading only, that the schema is exactly the one this build migrates a store to: every
 * migration recorded, none newer, every column a reader relies on present. Throws a
 * `StoreSchemaError` naming every problem on one line.
 */
export const checkSchema = async (session: SqlQueryable, schema: string): Promise<void> => {
  const [found] = await session.query<{ present: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS present',
    [schema],
  );
  if (found?.present !== true)
    throw new StoreSchemaError(`no Coachline store here: the database has no schema "${schema}"`);
  const missing = await missingColumns(session, schema);
  const problems = [
    ...(missing.includes('table schema_migrations') ? [] : await migrationProblems(session, schema)),
    ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
  ];
  if (problems.length > 0) {
    throw new StoreSchemaError(
      `the schema "${schema}" is not the one this Coachline writes: ${problems.join('; ')}. ` +
        'A store is checked as it is and never migrated here (a migration would hash the events as they stand now).',
    );
  }
};
