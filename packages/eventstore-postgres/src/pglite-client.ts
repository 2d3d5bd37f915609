import { access, chmod, copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGliteInterface, PGliteOptions, Transaction } from '@electric-sql/pglite';
import { insertByStatements } from './bulk-rows';
import { INT8_TYPE_ID, int8ToNumber, type SqlClient, type SqlTransaction, type SqlValue } from './sql-client';

/** Options every PGlite the store opens gets, so that `bigint` columns come back as numbers. */
export const pgliteParsers: NonNullable<PGliteOptions['parsers']> = { [INT8_TYPE_ID]: int8ToNumber };

/**
 * PostgreSQL's own page cache, inside the WebAssembly memory: its default 128 MB is written
 * through at every start, so it is resident from the first moment whether or not the store is
 * that large. The files under it are still cached by the operating system.
 */
const SHARED_BUFFERS = '32MB';

export interface PgliteLocation {
  /** A folder holding the database (created when missing); omitted for an in-memory database. */
  readonly dataDir?: string;
  /**
   * A folder holding a database PGlite made and closed, which nothing wrote to since (no schema,
   * no rows: nothing one store may not share with another). A `dataDir` holding no database yet
   * starts as a copy of it instead of running initdb, which is most of the time and memory a new
   * store's opening takes. Ignored when the folder is not there.
   */
  readonly template?: string;
}

/** The file PostgreSQL, and PGlite, take as the sign that a folder holds a database. */
const DATABASE_MARK = 'PG_VERSION';

const holdsDatabase = (folder: string): Promise<boolean> =>
  access(join(folder, DATABASE_MARK)).then(
    () => true,
    () => false,
  );

/**
 * Copies the template's files into `folder`, the database's mark last: a copy cut short leaves no
 * mark, so the next opening copies again over it rather than starting a half-made database.
 * Files come over with the template's modes inside a folder only its owner can enter; the
 * opening then makes them private.
 */
const copyTemplate = async (template: string, folder: string): Promise<void> => {
  const copyFolder = async (from: string, to: string): Promise<void> => {
    await mkdir(to, { recursive: true, mode: 0o700 });
    const entries = await readdir(from, { withFileTypes: true });
    await Promise.all(
      entries.map((entry) => {
        if (from === template && entry.name === DATABASE_MARK) return undefined;
        if (entry.isDirectory()) return copyFolder(join(from, entry.name), join(to, entry.name));
        return entry.isFile() ? copyFile(join(from, entry.name), join(to, entry.name)) : undefined;
      }),
    );
  };
  await copyFolder(template, folder);
  await copyFile(join(template, DATABASE_MARK), join(folder, DATABASE_MARK));
};

/**
 * The folder and everything in it made private to the user running the process: folders 0700,
 * files 0600. PGlite unpacks a new database with the modes of its archive (files 0666, whatever
 * the umask), so they are set after it opens; the files PostgreSQL creates later it creates 0600
 * itself. Run at every open, it also closes a folder an older version left open.
 */
export const makeFolderPrivate = async (folder: string): Promise<void> => {
  await chmod(folder, 0o700);
  // A folder's entries all at once: a thousand files one after the other took most of a second.
  const entries = await readdir(folder, { withFileTypes: true });
  await Promise.all(
    entries.map((entry) => {
      const path = join(folder, entry.name);
      // Links are left alone: chmod would follow them out of the folder.
      if (entry.isDirectory()) return makeFolderPrivate(path);
      return entry.isFile() ? chmod(path, 0o600).catch(unlessGone) : undefined;
    }),
  );
};

/** A file PostgreSQL removed between the listing and the change of mode needs no mode. */
const unlessGone = (error: NodeJS.ErrnoException): void => {
  if (error.code !== 'ENOENT') throw error;
};

/** Starts PGlite; the module is loaded on demand so that server-only users never load the WASM build. */
export const startPglite = async (location: PgliteLocation): Promise<PGliteInterface> => {
  const { PGlite } = await import('@electric-sql/pglite');
  const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`];
  if (location.dataDir === undefined) return PGlite.create({ parsers: pgliteParsers, startParams });
  await mkdir(location.dataDir, { recursive: true, mode: 0o700 });
  if (
    location.template !== undefined &&
    !(await holdsDatabase(location.dataDir)) &&
    (await holdsDatabase(location.template))
  )
    await copyTemplate(location.template, location.dataDir);
  const pglite = await PGlite.create({ dataDir: location.dataDir, parsers: pgliteParsers, startParams });
  try {
    await makeFolderPrivate(location.dataDir);
  } catch (error) {
    await pglite.close();
    throw error;
  }
  return pglite;
};

/**
 * The SQL seam on a PGlite instance. PGlite runs one statement at a time and a transaction holds it
 * exclusively, which is all the isolation an embedded single-process database needs.
 */
export const pgliteClient = (pglite: PGliteInterface, { ownsInstance }: { ownsInstance: boolean }): SqlClient => {
  // An instance shared with others may have been opened without our parsers: apply them per query.
  const queryOptions = { parsers: pgliteParsers };
  const query = async <R extends object>(text: string, params?: ReadonlyArray<SqlValue>) =>
    (await pglite.query<R>(text, params as unknown[] | undefined, queryOptions)).rows;

  return {
    engine: 'pglite',
    query,
    transaction: (work) => pglite.transaction((tx) => work(pgliteTransaction(tx, queryOptions))),
    execute: query,
    listen: async (channel, onNotify) => {
      const unlisten = await pglite.listen(channel, (payload) => onNotify(payload));
      return () => unlisten();
    },
    close: async () => {
      if (ownsInstance && !pglite.closed) await pglite.close();
    },
  };
};

const pgliteTransaction = (tx: Transaction, queryOptions: { parsers: typeof pgliteParsers }): SqlTransaction => {
  const session: SqlTransaction = {
    query: async <R extends object>(text: string, params?: ReadonlyArray<SqlValue>) =>
      (await tx.query<R>(text, params as unknown[] | undefined, queryOptions)).rows,
    run: async (script) => {
      await tx.exec(script);
    },
    insertRows: (table, columns, rows) => insertByStatements(session, table, columns, rows),
    openBulkWriter: async (table, columns) => ({
      write: (rows) => insertByStatements(session, table, columns, rows),
      finish: async () => undefined,
      abort: async () => undefined,
    }),
    get readsBeside() {
      return session;
    },
  };
  return session;
};
