import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@coachline/domain';
import { type OpenedStore, openStreamChildData, type StoredEvent } from '@coachline/eventstore';
import { asRecordedEvent } from '@coachline/views';
import { EVENT_STORE } from '../app/injection-tokens';

/** One stream's events as the domain reads them, known to the program by `asOf` when given. */
@Injectable()
export class StreamReader {
  constructor(@Inject(EVENT_STORE) private readonly store: OpenedStore) {}

  async read(stream: string): Promise<RecordedEvent[]> {
    const stored: StoredEvent[] = [];
    for await (const event of this.store.readStream(stream)) stored.push(event);
    // Child fields are stored sealed; a stream read opens them (plain while the child's key
    // exists, `{ "erased": true }` after), which views never do.
    return (await openStreamChildData(stored, this.store.childKeyStore)).map(asRecordedEvent);
  }
}

/** The latest recordedAt among the events, the default as-of moment of a view. */
export const latestRecordedAt = (events: ReadonlyArray<RecordedEvent>): string | undefined =>
  events.reduce<string | undefined>(
    (latest, event) =>
      latest === undefined || Date.parse(event.metadata.recordedAt) > Date.parse(latest)
        ? event.metadata.recordedAt
        : latest,
    undefined,
  );

export const knownBy = (events: ReadonlyArray<RecordedEvent>, asOf: string | undefined): RecordedEvent[] =>
  asOf === undefined
    ? [...events]
    : events.filter((event) => Date.parse(event.metadata.recordedAt) <= Date.parse(asOf));
