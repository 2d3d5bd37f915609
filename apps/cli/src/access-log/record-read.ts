import { randomUUID } from 'node:crypto';
import type { Actor } from '@coachline/domain';
import { type AccessLog, describeStoreFailure } from '@coachline/eventstore';
import { FailureError } from '../commands/usage-error';
import { storeLocationOf } from '../store/store-location';
import { openStoreAccessLog } from './open-store-access-log';

/** A read by the command line of what the access log covers: the history, scores, child data. */
export interface CommandLineRead {
  readonly store: string | undefined;
  readonly reader: Actor;
  /** The API's view names (`evaluation`, `history`) or what an export or extract is (`history-export`, `evaluation-extract`). */
  readonly view: string;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly at: Date;
}

/**
 * Records the read in the store's access log, as the API records its reads, before what was read
 * leaves: a read the log cannot take is refused. `false` when the store keeps no log (`memory:`).
 */
export const recordRead = async (read: CommandLineRead): Promise<boolean> => {
  const location = storeLocationOf(read.store);
  const query: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(read.query)) if (value !== undefined) query[name] = value;
  const id = randomUUID();
  let log: AccessLog | undefined;
  try {
    log = await openStoreAccessLog(location);
  } catch (error) {
    throw new FailureError(
      `The access log could not record the read, which was refused: ${describeStoreFailure(location.address, error)}`,
    );
  }
  if (log === undefined) return false;
  try {
    await log.record({ id, at: read.at.toISOString(), actor: read.reader, view: read.view, query, correlationId: id });
  } catch (error) {
    throw new FailureError(`${(error as Error).message} (the read was refused)`);
  } finally {
    await log.close();
  }
  return true;
};
