/**
 * Test helpers: is a server there, a PGlite shared by a jest worker's test files, throw-away schemas.
 * `useSharedPglite` and `describeOnEachEngine` register hooks and suites, so they need jest's globals.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout, clearTimeout } from 'node:timers';
import v8 from 'node:v8';
import type { PGliteInterface } from '@electric-sql/pglite';
import pg from 'pg';
import { DEFAULT_DATABASE_URL, openPgliteEventStore, openPostgresEventStore } from './open';
import { startPglite } from './pglite-client';
import type { PostgresEventStore, StoreTuning } from './postgres-event-store';

export const testDatabaseUrl = (): string => process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL;

/** Whether a PostgreSQL server accepts a connection and a query within `timeoutMs`. */
export const postgresAvailable = async (connectionString = testDatabaseUrl(), timeoutMs = 1_000): Promise<boolean> => {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

/**
 * `postgresAvailable` for the moment a spec file decides between `describe` and `describe.skip`,
 * which jest wants synchronously: the same check, run in a child process.
 */
export const postgresAvailableSync = (connectionString = testDatabaseUrl(), timeoutMs = 1_000): boolean => {
  const script = `
    const pg = require(${JSON.stringify(require.resolve('pg'))});
    const client = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: ${timeoutMs} });
    client.on('error', () => undefined);
    client.connect().then(() => client.query('SELECT 1')).then(() => process.exit(0), () => process.exit(1));`;
  const child = spawnSync(process.execPath, ['-e', script, connectionString], {
    timeout: timeoutMs + 4_000,
    stdio: 'ignore',
  });
  return child.status === 0;
};

/** A schema name of its own for one test run: `t_<label>_<random>`. */
export const uniqueSchema = (label: string): string =>
  `t_${label
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 24)}_${randomBytes(6).toString('hex')}`;

// Jest gives each test file fresh globals and a fresh module registry, but node's core modules are
// loaded once per worker: hung on one of them, the instance outlives the test file that started it.
interface SharedPglite {
  instance: Promise<PGliteInterface> | undefined;
  users: number;
  idleClose: NodeJS.Timeout | undefined;
}
const SHARED_PGLITE = Symbol.for('@coachline/eventstore-postgres/shared-pglite');
const holder = v8 as unknown as Record<symbol, SharedPglite | undefined>;
const shared = (): SharedPglite => (holder[SHARED_PGLITE] ??= { instance: undefined, users: 0, idleClose: undefined });

/** Long enough for the next test file of the worker to take the instance over. */
const IDLE_CLOSE_MS = 1_000;

/**
 * Takes the worker's in-memory PGlite (starting it takes seconds and hundreds of MB, so a jest worker
 * starts one and its test files share it, each in schemas of its own). Pair with `releaseSharedPglite`.
 */
export const acquireSharedPglite = (): Promise<PGliteInterface> => {
  const state = shared();
  state.users += 1;
  if (state.idleClose !== undefined) clearTimeout(state.idleClose);
  state.idleClose = undefined;
  if (state.instance === undefined) {
    const starting = startPglite({});
    state.instance = starting;
    starting.catch(() => {
      if (state.instance === starting) state.instance = undefined;
    });
  }
  return state.instance;
};

/**
 * Gives the instance back. Once nobody has used it for a moment it is closed: PGlite keeps a
 * PostgreSQL timer of ten seconds running, which would otherwise hold the worker open after the tests.
 * The close timer itself is unref'd, so it never holds the process.
 */
export const releaseSharedPglite = (): void => {
  const state = shared();
  state.users = Math.max(0, state.users - 1);
  if (state.users > 0 || state.instance === undefined) return;
  const closing = state.instance;
  state.idleClose = setTimeout(() => {
    state.idleClose = undefined;
    if (state.users > 0 || state.instance !== closing) return;
    state.instance = undefined;
    void closing.then((pglite) => pglite.close()).catch(() => undefined);
  }, IDLE_CLOSE_MS);
  state.idleClose.unref();
};

/**
 * The worker's shared PGlite for the test file that calls it (at the top level of a spec): taken in
 * `beforeAll`, given back in `afterAll`. Returns a getter valid inside the file's tests.
 */
export const useSharedPglite = (): (() => PGliteInterface) => {
  let pglite: PGliteInterface | undefined;
  beforeAll(async () => {
    pglite = await acquireSharedPglite();
  }, 120_000);
  afterAll(() => releaseSharedPglite());
  return () => {
    if (pglite === undefined) throw new Error('The shared PGlite is only there inside the tests of the file.');
    return pglite;
  };
};

export interface TestStore {
  readonly store: PostgresEventStore;
  readonly schema: string;
  /** Another store on the same schema, as a second process would open it (closed by `dispose`). */
  openAnother(tuning?: StoreTuning): Promise<PostgresEventStore>;
  /** Closes the store(s) and drops the schema. */
  dispose(): Promise<void>;
}

export const dropSchemaOnServer = async (schema: string, connectionString = testDatabaseUrl()): Promise<void> => {
  const client = new pg.Client({ connectionString });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
};

export const dropSchemaOnPglite = async (pglite: PGliteInterface, schema: string): Promise<void> => {
  await pglite.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
};

const withOthers = (
  store: PostgresEventStore,
  schema: string,
  open: (tuning: StoreTuning) => Promise<PostgresEventStore>,
  drop: () => Promise<void>,
): TestStore => {
  const others: PostgresEventStore[] = [];
  return {
    store,
    schema,
    openAnother: async (tuning = {}) => {
      const other = await open(tuning);
      others.push(other);
      return other;
    },
    dispose: async () => {
      await Promise.all([store, ...others].map((each) => each.close()));
      await drop();
    },
  };
};

/** A store in a fresh schema on the test server. */
export const openServerTestStore = async (label: string, tuning: StoreTuning = {}): Promise<TestStore> => {
  const schema = uniqueSchema(label);
  const open = (options: StoreTuning) =>
    openPostgresEventStore({ ...options, connectionString: testDatabaseUrl(), schema });
  return withOthers(await open(tuning), schema, open, () => dropSchemaOnServer(schema));
};

/** A store in a fresh schema on a PGlite (the worker's shared one, say). */
export const openPgliteTestStore = async (
  pglite: PGliteInterface,
  label: string,
  tuning: StoreTuning = {},
): Promise<TestStore> => {
  const schema = uniqueSchema(label);
  const open = (options: StoreTuning) => openPgliteEventStore({ ...options, pglite, schema });
  return withOthers(await open(tuning), schema, open, () => dropSchemaOnPglite(pglite, schema));
};

export type OpenTestStore = (label: string, tuning?: StoreTuning) => Promise<TestStore>;

/**
 * Declares the same tests on the worker's shared PGlite and on the server; the server's are skipped
 * only when no server answers. Call at the top level of a spec file.
 */
export const describeOnEachEngine = (
  title: string,
  body: (open: OpenTestStore, engine: 'pglite' | 'postgres') => void,
): void => {
  const pglite = useSharedPglite();
  describe(`${title} (PGlite)`, () => body((label, tuning) => openPgliteTestStore(pglite(), label, tuning), 'pglite'));
  const describeOnServer = postgresAvailableSync() ? describe : describe.skip;
  describeOnServer(`${title} (PostgreSQL server)`, () => body(openServerTestStore, 'postgres'));
};

/** Raw SQL on a store's database, behind its back: a PGlite folder or a server URL (tests that tamper with rows). */
export interface StoreDatabase {
  query<R extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export const openStoreDatabase = async (location: string): Promise<StoreDatabase> => {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const client = new pg.Client({ connectionString: location });
    client.on('error', () => undefined);
    await client.connect();
    return {
      query: async <R extends object>(text: string, params?: unknown[]) =>
        (await client.query(text, params)).rows as R[],
      close: () => client.end(),
    };
  }
  const pglite = await startPglite({ dataDir: location });
  return {
    query: async <R extends object>(text: string, params?: unknown[]) => (await pglite.query<R>(text, params)).rows,
    close: () => pglite.close(),
  };
};

/** A database of its own on the test server, for code that always uses the default schema; dropped by `drop`. */
export const createTestDatabase = async (label: string): Promise<{ readonly url: string; drop(): Promise<void> }> => {
  const name = uniqueSchema(label);
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: testDatabaseUrl() });
      client.on('error', () => undefined);
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};
