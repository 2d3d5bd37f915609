import type { EventStore } from '../event-store';
import { AccessLog, AccessLogUnavailableError, dayOf, decodeViewRead, ensureRecordable, ViewRead } from './view-read';

const streamOf = (day: string): string => `access-log-${day}`;

/** The access log as `ViewRead` events in a store of its own (one stream per day): a PostgreSQL schema beside the program's. */
export class StoreAccessLog implements AccessLog {
  constructor(private readonly store: EventStore) {}

  async record(read: ViewRead): Promise<void> {
    ensureRecordable(read);
    const { id, ...data } = read;
    try {
      await this.store.append(
        streamOf(dayOf(read.at)),
        [
          {
            id,
            type: 'ViewRead',
            schemaVersion: 1,
            data,
            metadata: { actor: read.actor, recordedAt: read.at, commandId: id, correlationId: read.correlationId },
          },
        ],
        'any',
      );
    } catch (error) {
      throw new AccessLogUnavailableError(`The access log could not record the read: ${(error as Error).message}`);
    }
  }

  async readDay(day: string): Promise<ReadonlyArray<ViewRead>> {
    const reads: ViewRead[] = [];
    for await (const event of this.store.readStream(streamOf(day))) {
      reads.push(decodeViewRead({ id: event.id, ...(event.data as object) }, `${streamOf(day)}@${event.revision}`));
    }
    return reads;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
