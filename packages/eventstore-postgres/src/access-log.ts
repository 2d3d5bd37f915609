import { StoreAccessLog } from '@coachline/eventstore';
import { checkSchemaName, DEFAULT_SCHEMA } from './migrations';
import { openPostgresEventStore, type PostgresEventStoreOptions } from './open';

/** The schema of a store's access log on a PostgreSQL server: beside the store's, never inside it. */
export const accessLogSchemaOf = (storeSchema: string): string => checkSchemaName(`${storeSchema}_access`);

/**
 * The access log of the store in `schema` (default `coachline`) on a PostgreSQL server: reads kept
 * as events of a store of their own, in the schema `<schema>_access`.
 */
export const openPostgresAccessLog = async (
  options: Pick<PostgresEventStoreOptions, 'connectionString' | 'schema'> = {},
): Promise<StoreAccessLog> =>
  new StoreAccessLog(
    await openPostgresEventStore({
      ...(options.connectionString === undefined ? {} : { connectionString: options.connectionString }),
      schema: accessLogSchemaOf(options.schema ?? DEFAULT_SCHEMA),
    }),
  );
