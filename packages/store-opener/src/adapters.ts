import type * as EsdbAdapter from '@coachline/eventstore-esdb';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';

// An adapter is loaded only when a store of its kind is opened: the embedded default never loads
// the EventStoreDB client, a server deployment never boots PGlite, and a command that opens no
// store loads neither. A CommonJS require, since the applications run their TypeScript through a
// CommonJS loader (the ES module build defines `require`).
/* eslint-disable @typescript-eslint/no-require-imports */
export const postgres = (): typeof PostgresAdapter => require('@coachline/eventstore-postgres');
export const esdb = (): typeof EsdbAdapter => require('@coachline/eventstore-esdb');
/* eslint-enable @typescript-eslint/no-require-imports */
