import type { EventStore } from '@coachline/eventstore';
import { AccessLog, AccessLogUnavailableError, dayOf, ViewRead } from './access-log';

const streamOf = (day: string): string => `access-log-${day}`;

/** The access log as `ViewRead` events in a store of its own (one stream per day): a PostgreSQL schema beside the program's. */
export class StoreAccessLog implements AccessLog {
  constructor(private readonly store: EventStore) {}

  async record(read: ViewRead): Promise<void> {
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
    for await (const event of this.store.readStream(streamOf(day))) reads.push({ id: event.id, ...(event.data as Omit<ViewRead, 'id'>) });
    return reads;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
