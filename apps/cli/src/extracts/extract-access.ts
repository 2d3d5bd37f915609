import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@coachline/domain';
import type * as PostgresAdapter from '@coachline/eventstore-postgres';

/** The file and schema the API keeps its access log in (apps/api/src/access-log): the auditor lists both kinds of read together. */
export const ACCESS_LOG_FILE = 'access-log.jsonl';
const ACCESS_SCHEMA_SUFFIX = '_access';

// Required only when an extract is written to a PostgreSQL store's log (see open-store.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const postgres = (): typeof PostgresAdapter => require('@coachline/eventstore-postgres');

export interface ExtractRead {
  readonly view: string;
  readonly query: Readonly<Record<string, string>>;
  readonly at: string;
}

/** Whoever runs the command line: an operator with access to the store itself. */
export const operator = (): Actor => ({ id: `cli-${userInfo().username}`, role: 'admin' });

/**
 * Records an extract in the store's access log, the same record the API makes of a read: in the
 * folder of an embedded store, or in the `<schema>_access` schema of a PostgreSQL server. Other
 * stores keep no access log the command line can reach; `false` says nothing was recorded.
 */
export const recordExtract = async (store: string, read: ExtractRead): Promise<boolean> => {
  const id = randomUUID();
  const data = { at: read.at, actor: operator(), view: read.view, query: read.query, correlationId: id };
  if (store === 'memory:' || /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(store)) return false;
  if (/^postgres(ql)?:\/\//.test(store)) {
    const adapter = postgres();
    const log = await adapter.openPostgresEventStore({ connectionString: store, schema: `${adapter.DEFAULT_SCHEMA}${ACCESS_SCHEMA_SUFFIX}` });
    try {
      await log.append(
        `access-log-${read.at.slice(0, 10)}`,
        [{ id, type: 'ViewRead', schemaVersion: 1, data, metadata: { actor: data.actor, recordedAt: read.at, commandId: id, correlationId: id } }],
        'any',
      );
    } finally {
      await log.close();
    }
    return true;
  }
  await mkdir(store, { recursive: true });
  await appendFile(join(store, ACCESS_LOG_FILE), `${JSON.stringify({ id, ...data })}\n`, { encoding: 'utf8', flag: 'a', mode: 0o600 });
  return true;
};
