import { dirname, join, resolve } from 'node:path';
import type { AsqSe2CutoffTable } from '@coachline/domain';
import { isInsideFolder, keyFileBeside, redactStoreUrl, SIGNING_KEY_FILE_NAME } from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import { readAsqSe2Cutoffs } from './asq-se2-cutoffs-file';

/** Where the API keeps its events and how it is reached; read once, from the environment. */
export interface ApiConfig {
  readonly port: number;
  readonly host: string;
  /** The store: `esdb://…` (EVENTSTORE_URL), `postgres://…` (DATABASE_URL) or the embedded PGlite folder. */
  readonly store: StoreLocation;
  /** The folder of the embedded store; also where a generated signing secret and the file access log live. */
  readonly dataDir: string;
  /**
   * The file holding the key-encryption key children's keys are wrapped under (COACHLINE_KEY_FILE):
   * by default beside the data folder (`<data folder>-keys/`), and never inside an embedded
   * store's folder, so a copy of the database is never a copy of the key.
   */
  readonly keyFile: string;
  /**
   * The file holding the key checkpoints are signed with (COACHLINE_SIGNING_KEY_FILE): by default in
   * the folder of the child key file, created there when absent; never inside an embedded store's folder.
   */
  readonly signingKeyFile: string;
  /** When to sign a checkpoint: once the tree grew by this many events since the last one. */
  readonly checkpointEveryEvents: number;
  /** And this many minutes after the last one, when the tree grew at all. */
  readonly checkpointEveryMinutes: number;
  /** HS256 secret from COACHLINE_JWT_SECRET; when absent one is generated and kept in the data folder. */
  readonly jwtSecret: string | undefined;
  readonly logLevel: string;
  /** How long a query waits for a view to reach the position it asked for. */
  readonly waitForPositionMs: number;
  /** How long a rendering of a view is shared once the view has moved on. */
  readonly viewMaxAgeMs: number;
  /** The publisher's ASQ-SE2 cutoff table from the file COACHLINE_ASQ_SE2_CUTOFFS names; absent, zones are recorded as sent. */
  readonly asqSe2Cutoffs: AsqSe2CutoffTable | undefined;
  /** The built web app's folder (COACHLINE_WEB_DIR); absent, apps/web/dist of the repository. */
  readonly webDir: string | undefined;
}

export type StoreLocation =
  | {
      readonly kind: 'pglite';
      readonly dataDir: string;
      /** An empty database the build made, which a data folder holding none yet starts as a copy of. */
      readonly template?: string;
    }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema: string }
  | { readonly kind: 'esdb'; readonly connectionString: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DEFAULT_PORT = 3000;
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_DATA_DIR = './.coachline';
const DEFAULT_SCHEMA = 'coachline';
const DEFAULT_WAIT_MS = 5_000;
const DEFAULT_VIEW_MAX_AGE_MS = 1_000;
const MIN_SECRET_LENGTH = 32;
const DEFAULT_CHECKPOINT_EVERY_EVENTS = 1_000;
const DEFAULT_CHECKPOINT_EVERY_MINUTES = 60;

const integer = (name: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}".`);
  return n;
};

const present = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** What the build keeps beside the API, rather than anything an operator sets. */
export interface BuildFiles {
  /** A folder holding an empty PGlite database (made when the API is built), for new embedded stores. */
  readonly pgliteTemplate?: string;
}

/** EVENTSTORE_URL wins over DATABASE_URL; with neither, the embedded store in the data folder. */
const storeLocation = (env: NodeJS.ProcessEnv, dataDir: string, build: BuildFiles): StoreLocation => {
  const esdb = present(env['EVENTSTORE_URL']);
  if (esdb) return { kind: 'esdb', connectionString: esdb };
  const database = present(env['DATABASE_URL']);
  if (database) {
    const schema = present(env['COACHLINE_SCHEMA']) ?? DEFAULT_SCHEMA;
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema))
      throw new ConfigError(`COACHLINE_SCHEMA must be a lowercase SQL name, got "${schema}".`);
    return { kind: 'postgres', connectionString: database, schema };
  }
  return {
    kind: 'pglite',
    dataDir,
    ...(build.pgliteTemplate === undefined ? {} : { template: build.pgliteTemplate }),
  };
};

const keyFileOf = (env: NodeJS.ProcessEnv, dataDir: string, store: StoreLocation): string => {
  const configured = present(env['COACHLINE_KEY_FILE']);
  const keyFile = configured === undefined ? keyFileBeside(dataDir) : resolve(configured);
  if (store.kind === 'pglite' && isInsideFolder(keyFile, dataDir))
    throw new ConfigError(
      `COACHLINE_KEY_FILE must be outside the data folder ${dataDir}, so that a copy of the database holds no key; got "${keyFile}".`,
    );
  return keyFile;
};

const signingKeyFileOf = (env: NodeJS.ProcessEnv, dataDir: string, store: StoreLocation, keyFile: string): string => {
  const configured = present(env['COACHLINE_SIGNING_KEY_FILE']);
  const signingKeyFile = configured === undefined ? join(dirname(keyFile), SIGNING_KEY_FILE_NAME) : resolve(configured);
  if (store.kind === 'pglite' && isInsideFolder(signingKeyFile, dataDir))
    throw new ConfigError(
      `COACHLINE_SIGNING_KEY_FILE must be outside the data folder ${dataDir}, so that a copy of the database cannot sign for it; got "${signingKeyFile}".`,
    );
  return signingKeyFile;
};

export const readConfig = (env: NodeJS.ProcessEnv = process.env, build: BuildFiles = {}): ApiConfig => {
  const dataDir = resolve(present(env['COACHLINE_DATA_DIR']) ?? DEFAULT_DATA_DIR);
  const store = storeLocation(env, dataDir, build);
  const jwtSecret = present(env['COACHLINE_JWT_SECRET']);
  if (jwtSecret !== undefined && jwtSecret.length < MIN_SECRET_LENGTH)
    throw new ConfigError(`COACHLINE_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
  const asqSe2Cutoffs = readAsqSe2Cutoffs(present(env['COACHLINE_ASQ_SE2_CUTOFFS']));
  if (E.isLeft(asqSe2Cutoffs)) throw new ConfigError(asqSe2Cutoffs.left);
  const keyFile = keyFileOf(env, dataDir, store);
  return {
    port: integer('PORT', env['PORT'], DEFAULT_PORT, 0, 65_535),
    host: present(env['HOST']) ?? DEFAULT_HOST,
    store,
    dataDir,
    keyFile,
    signingKeyFile: signingKeyFileOf(env, dataDir, store, keyFile),
    checkpointEveryEvents: integer(
      'COACHLINE_CHECKPOINT_EVERY_EVENTS',
      env['COACHLINE_CHECKPOINT_EVERY_EVENTS'],
      DEFAULT_CHECKPOINT_EVERY_EVENTS,
      1,
      1_000_000_000,
    ),
    checkpointEveryMinutes: integer(
      'COACHLINE_CHECKPOINT_EVERY_MINUTES',
      env['COACHLINE_CHECKPOINT_EVERY_MINUTES'],
      DEFAULT_CHECKPOINT_EVERY_MINUTES,
      1,
      525_600,
    ),
    jwtSecret,
    logLevel: present(env['LOG_LEVEL']) ?? 'info',
    waitForPositionMs: integer(
      'COACHLINE_WAIT_FOR_POSITION_MS',
      env['COACHLINE_WAIT_FOR_POSITION_MS'],
      DEFAULT_WAIT_MS,
      0,
      60_000,
    ),
    viewMaxAgeMs: integer(
      'COACHLINE_VIEW_MAX_AGE_MS',
      env['COACHLINE_VIEW_MAX_AGE_MS'],
      DEFAULT_VIEW_MAX_AGE_MS,
      0,
      60_000,
    ),
    asqSe2Cutoffs: asqSe2Cutoffs.right,
    webDir: present(env['COACHLINE_WEB_DIR']),
  };
};

/** The store as the start banner names it, without credentials. */
export const describeStore = (store: StoreLocation): string => {
  switch (store.kind) {
    case 'pglite':
      return `embedded PostgreSQL (PGlite) in ${store.dataDir}`;
    case 'postgres':
      return `PostgreSQL at ${redactStoreUrl(store.connectionString)}, schema ${store.schema}`;
    case 'esdb':
      return `EventStoreDB at ${redactStoreUrl(store.connectionString)}`;
  }
};
