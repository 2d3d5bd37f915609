import {
  type ChildKeyStore,
  ensureStoreAnswers,
  InMemoryChildKeyStore,
  InMemoryEventStore,
  keyEncryptionKeyFile,
  openChildKeyStore,
  OpenedStore,
  type StoreEngine,
} from '@coachline/eventstore';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';
import { esdb, postgres } from './adapters';
import type { StoreLocation } from './store-location';

export interface OpenStoreOptions {
  /** The key file children's keys are wrapped under; needed by every store but `memory:`. */
  readonly keyFile?: string;
  /** On a PostgreSQL server, refuse a database that holds no store instead of making one there. */
  readonly existingOnly?: boolean;
  /** Connections to a PostgreSQL server at most. */
  readonly poolSize?: number;
  /**
   * For a folder: a database folder PGlite made and closed, which a folder holding no database
   * yet starts as a copy of, instead of creating one (the API's build keeps one beside it).
   */
  readonly folderTemplate?: string;
  /**
   * On EventStoreDB, whether this process seals the tree over `$all` (default true: a writer such
   * as the API does). A process that only reads (`coachline verify`, `prove`) passes false: it
   * reads the chunks sealed and recomputes the tail after them. Each fault of the sealer is a
   * process warning (it starts again after a lost connection); readers still see every event.
   */
  readonly sealTree?: boolean;
}

/**
 * EventStoreDB connects on first use; a server that takes the connection and never answers would
 * hold the opening for as long as the client retries. (PostgreSQL gives up after 10 s itself.)
 */
const FIRST_ANSWER_MS = 10_000;

const warnSealingStopped = (error: unknown): void =>
  process.emitWarning(`Sealing the tree over EventStoreDB's $all failed: ${String(error)}`, {
    code: 'COACHLINE_TREE_SEALER',
  });

/** A PostgreSQL or PGlite store as an engine to open: its events, checkpoints, key vault, bulk import and verifiable log. */
export const postgresStoreEngine = (store: PostgresAdapter.PostgresEventStore): StoreEngine => ({
  events: store,
  checkpoints: store.projectionCheckpoints(),
  childKeyVault: store.childKeyVault(),
  importEvents: (source) => store.importEvents(source),
  verifiableLog: store.verifiableLog(),
  signedCheckpoints: store.signedCheckpoints(),
});

/** The engine at `location`, as its adapter opens it: events and whatever else it keeps, nothing sealed yet. */
export const openStoreEngine = async (
  location: StoreLocation,
  options: OpenStoreOptions = {},
): Promise<StoreEngine> => {
  switch (location.kind) {
    case 'memory': {
      const store = new InMemoryEventStore();
      return { events: store, verifiableLog: store.verifiableLog, signedCheckpoints: store.signedCheckpoints };
    }
    case 'folder':
      return postgresStoreEngine(
        await postgres().openPgliteEventStore({
          dataDir: location.address,
          ...(options.folderTemplate === undefined ? {} : { template: options.folderTemplate }),
        }),
      );
    case 'postgres':
      return postgresStoreEngine(
        await postgres().openPostgresEventStore({
          connectionString: location.address,
          ...(location.schema === undefined ? {} : { schema: location.schema }),
          ...(options.existingOnly === undefined ? {} : { existingOnly: options.existingOnly }),
          ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
        }),
      );
    case 'esdb': {
      const store = esdb().openEsdbEventStore(location.address);
      await ensureStoreAnswers(location.address, store, FIRST_ANSWER_MS);
      if (options.sealTree !== false) {
        try {
          await store.startTreeSealer({ onError: warnSealingStopped });
        } catch (error) {
          await store.close();
          throw error;
        }
      }
      return {
        events: store,
        childKeyVault: store.childKeyVault(),
        verifiableLog: store.verifiableLog(),
        signedCheckpoints: store.signedCheckpoints(),
      };
    }
  }
};

/** Children's keys wrapped under the key file's key where the engine keeps a vault; in the process for `memory:`. */
const openKeys = async (engine: StoreEngine, keyFile: string | undefined): Promise<ChildKeyStore> => {
  if (engine.childKeyVault === undefined) return new InMemoryChildKeyStore();
  if (keyFile === undefined)
    throw new TypeError('A store that keeps children’s keys needs the key file they are wrapped under.');
  return openChildKeyStore(engine.childKeyVault, keyEncryptionKeyFile(keyFile));
};

/**
 * Opens the store at `location` ready to serve (docs/privacy.md): children's keys wrapped under
 * the key of `keyFile`, erasures whose key survived finished, child data sealed on every append.
 * The engine is closed again when any of that fails.
 */
export const openStore = async (location: StoreLocation, options: OpenStoreOptions = {}): Promise<OpenedStore> => {
  const engine = await openStoreEngine(location, options);
  let keys: ChildKeyStore;
  try {
    keys = await openKeys(engine, options.keyFile);
  } catch (error) {
    await engine.events.close();
    throw error;
  }
  return OpenedStore.open(engine, keys);
};
