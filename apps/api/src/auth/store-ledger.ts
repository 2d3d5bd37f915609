import { randomUUID } from 'node:crypto';
import type { EventStore } from '@coachline/eventstore';
import type { DecodeEntry } from './file-ledger';

/** How an entry is recorded as an event: its type, and when and by whom (an admin) it was recorded. */
export type EventOfEntry<E> = (entry: E) => { readonly type: string; readonly at: string; readonly by: string };

/**
 * A register as events of a store of its own (one stream): a PostgreSQL schema beside the
 * program's, as the access log has, never the program's store, whose history holds the program's
 * facts only.
 */
export class StoreLedger<E> {
  private nextRevision = 0;

  constructor(
    private readonly store: EventStore,
    private readonly stream: string,
    private readonly decode: DecodeEntry<E>,
    private readonly eventOf: EventOfEntry<E>,
  ) {}

  async append(entry: E): Promise<void> {
    const id = randomUUID();
    const { type, at, by } = this.eventOf(entry);
    await this.store.append(
      this.stream,
      [
        {
          id,
          type,
          schemaVersion: 1,
          data: entry,
          metadata: { actor: { id: by, role: 'admin' }, recordedAt: at, commandId: id, correlationId: id },
        },
      ],
      'any',
    );
  }

  async readNew(): Promise<ReadonlyArray<E>> {
    const entries: E[] = [];
    for await (const event of this.store.readStream(this.stream, { from: this.nextRevision })) {
      entries.push(this.decode(event.data, `${this.stream}@${event.revision}`));
      this.nextRevision = event.revision + 1;
    }
    return entries;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
