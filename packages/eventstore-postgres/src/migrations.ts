import { backfillIntegrity } from './integrity-backfill';
import type { SqlClient, SqlTransaction } from './sql-client';
import { NoStoreError } from './no-store-error';
import { statementsFor } from './statements';
import { backfillTree } from './tree-catch-up';

export const DEFAULT_SCHEMA = 'coachline';

/** Short enough that the notification channel `<schema>_events` stays within PostgreSQL's 63 bytes. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** Schema names are interpolated into SQL, so only plain lower-case identifiers are accepted. */
export const checkSchemaName = (schema: string): string => {
  if (!SCHEMA_NAME.test(schema)) {
    throw new TypeError(
      `Schema name ${JSON.stringify(schema)} must be a lower-case identifier of at most 48 characters ([a-z_][a-z0-9_]*).`,
    );
  }
  return schema;
};

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly script: (schema: string) => string;
  /** Work SQL alone cannot do, run after the script in the same transaction (existing rows to fill in). */
  readonly backfill?: (tx: SqlTransaction, schema: string) => Promise<void>;
}

/** Append-only: a released migration never changes; a new need gets a new version. */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: 'events, streams and the position counter',
    script: (s) => `
      CREATE TABLE "${s}".events (
        position bigint PRIMARY KEY,
        stream text COLLATE "C" NOT NULL,
        revision integer NOT NULL,
        id text NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz,
        CONSTRAINT events_stream_revision UNIQUE (stream, revision),
        CONSTRAINT events_id UNIQUE (id)
      );
      CREATE INDEX events_type_position ON "${s}".events (type, position);
      CREATE TABLE "${s}".streams (
        stream text COLLATE "C" PRIMARY KEY,
        revision integer NOT NULL,
        -- The position of the stream's last event.
        position bigint NOT NULL
      );
      -- One row: the last position handed out. Its row lock is what serializes writers, so positions
      -- commit in the order they were assigned and readers never see a later one before an earlier.
      CREATE TABLE "${s}".head (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        position bigint NOT NULL
      );
      INSERT INTO "${s}".head (position) VALUES (0);
    `,
  },
  {
    version: 2,
    name: 'projection views with their checkpoints',
    script: (s) => `
      -- A view and the position it reflects share one row, so one statement writes both or neither.
      -- The state is JSON kept as text: a whole view can outgrow jsonb's 256 MB per value, and it
      -- is only ever read back whole.
      CREATE TABLE "${s}".projections (
        name text COLLATE "C" PRIMARY KEY,
        version integer NOT NULL,
        position bigint NOT NULL,
        state text NOT NULL,
        parked jsonb,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 3,
    name: 'hash chain: each event’s hash, each stream’s tip hash, the chain at the head',
    // Nullable, so a row written by an older process stays readable; verify names it ("no hash").
    script: (s) => `
      ALTER TABLE "${s}".events ADD COLUMN hash text, ADD COLUMN chain text;
      ALTER TABLE "${s}".streams ADD COLUMN hash text;
      ALTER TABLE "${s}".head ADD COLUMN chain text NOT NULL DEFAULT '';
    `,
    backfill: backfillIntegrity,
  },
  {
    version: 4,
    name: 'child keys and the tombstones of erased children',
    // A key is destroyed by deleting its row (crypto-shredding, rule 11); the tombstone remembers
    // that the child was erased, so no key is ever made for it again. Key ids carry no trace of
    // the child: a sealed value names its key, never its child.
    script: (s) => `
      CREATE TABLE "${s}".child_keys (
        child_ref text COLLATE "C" PRIMARY KEY,
        key_id text NOT NULL UNIQUE,
        key bytea NOT NULL CHECK (octet_length(key) = 32),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE "${s}".child_erasures (
        child_ref text COLLATE "C" PRIMARY KEY,
        erased_on date NOT NULL,
        erased_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 5,
    name: 'child keys wrapped under a key-encryption key kept outside the database',
    // A key is stored wrapped (`wrapped`), under the generation of the key-encryption key that
    // wrapped it; rows written before keep their raw `key` at generation 0 until the first
    // opening wraps them. The one wrapping row names the store (its key file entry), the
    // generation every key is at, and whether an erasure since the last rotation is owed one.
    script: (s) => `
      ALTER TABLE "${s}".child_keys
        ALTER COLUMN key DROP NOT NULL,
        ADD COLUMN wrapped bytea,
        ADD COLUMN generation integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT child_keys_wrapped_or_raw CHECK (
          (generation = 0 AND key IS NOT NULL AND wrapped IS NULL) OR (generation > 0 AND key IS NULL AND wrapped IS NOT NULL)
        );
      CREATE TABLE "${s}".child_key_wrapping (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        store_id text NOT NULL,
        generation integer NOT NULL CHECK (generation >= 0),
        rotation_owed boolean NOT NULL
      );
      INSERT INTO "${s}".child_key_wrapping (store_id, generation, rotation_owed) VALUES (gen_random_uuid()::text, 0, false);
    `,
  },
  {
    version: 6,
    name: 'views kept by subject: one row per entry beside the view’s row',
    // A view kept by subject has its shared part in its projections row and each entry (a
    // provider's, a coach's, an agreement's...) in a row here, keyed by its path in the state, so a
    // save rewrites only the entries that changed. Both are written in one transaction.
    script: (s) => `
      CREATE TABLE "${s}".projection_subjects (
        name text COLLATE "C" NOT NULL,
        subject text COLLATE "C" NOT NULL,
        state text NOT NULL,
        PRIMARY KEY (name, subject)
      );
    `,
  },
  {
    version: 7,
    name: 'event ids, event types and key ids compared byte by byte',
    // In the database's default collation a libc locale (C.UTF-8 among them) compares with strcoll
    // and without abbreviated sort keys, and every random id an append or import placed in the
    // id's unique index paid for it. No statement orders by these columns; they are compared for
    // equality only, which is byte equality in every deterministic collation, so no reader sees a
    // difference. Coachline's ids and types are ASCII (uuids, type names), which C.UTF-8 already
    // ordered by bytes; only a language's locale (en_US...) ordered them otherwise.
    // The new collation rewrites no row, but it rebuilds the columns' indexes here, once, under
    // the table's lock; and it drops the columns' statistics, which the planner needs to read a
    // type's events in position order rather than through the type index (see the import).
    script: (s) => `
      ALTER TABLE "${s}".events ALTER COLUMN id TYPE text COLLATE "C", ALTER COLUMN type TYPE text COLLATE "C";
      ALTER TABLE "${s}".child_keys ALTER COLUMN key_id TYPE text COLLATE "C";
      ANALYZE "${s}".events (type);
    `,
  },
  {
    version: 8,
    name: 'the Merkle tree over the global order, its signed checkpoints and their published keys',
    // The tree's nodes live in the rows of the events that complete them (see tree-rows.ts), so a
    // node is committed with its event or not at all; the head keeps the tree's right edge, moved by
    // the same statement that moves the head. A checkpoint's signing time is kept as the text that
    // was signed beside it, so it reads back exactly as saved.
    script: (s) => `
      ALTER TABLE "${s}".events ADD COLUMN tree bytea;
      ALTER TABLE "${s}".head
        ADD COLUMN tree_size bigint NOT NULL DEFAULT 0 CHECK (tree_size >= 0),
        ADD COLUMN peaks bytea NOT NULL DEFAULT ''::bytea;
      CREATE TABLE "${s}".signed_checkpoints (
        size bigint PRIMARY KEY CHECK (size >= 0),
        note text NOT NULL,
        signed_at text NOT NULL
      );
      CREATE TABLE "${s}".checkpoint_keys (
        ordinal bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        verifier_key text COLLATE "C" NOT NULL UNIQUE,
        published_at timestamptz NOT NULL DEFAULT now()
      );
    `,
    backfill: (tx, schema) => backfillTree(tx, statementsFor(schema)),
  },
];

export const LATEST_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));

/** Advisory lock namespace of Coachline's migrations (the second key is the schema's hash). */
const MIGRATION_LOCK = 0x636c_6d67;

/**
 * Creates or upgrades the store's schema. Idempotent, and safe when several processes open the store at
 * once: the transaction-scoped advisory lock makes them migrate one after the other, and the later ones
 * find nothing left to do. Returns the versions it applied.
 */
export const migrate = (
  client: SqlClient,
  schema: string,
  options: { readonly existingOnly?: boolean } = {},
): Promise<number[]> =>
  client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
    if (options.existingOnly === true) {
      const [found] = await tx.query<{ present: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS present',
        [schema],
      );
      if (found?.present !== true)
        throw new NoStoreError(`the database holds no Coachline store (no schema "${schema}")`);
    }
    await tx.run(`
      CREATE SCHEMA IF NOT EXISTS "${schema}";
      CREATE TABLE IF NOT EXISTS "${schema}".schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
    `);
    const rows = await tx.query<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations`);
    const applied = new Set(rows.map((row) => row.version));
    const newest = Math.max(0, ...applied);
    if (newest > LATEST_VERSION) {
      throw new Error(
        `Schema ${schema} is at version ${newest}; this version of Coachline knows up to ${LATEST_VERSION}.`,
      );
    }
    const pending = MIGRATIONS.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      await tx.run(migration.script(schema));
      await migration.backfill?.(tx, schema);
      await tx.query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
    }
    return pending.map((migration) => migration.version);
  });
