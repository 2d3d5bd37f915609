import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@coachline/domain';
import { asRecordedEvent, type EventStore } from '@coachline/eventstore';
import { EVENT_STORE } from '../app/injection-tokens';

/** One stream's events as the domain reads them, known to the program by `asOf` when given. */
@Injectable()
export class StreamReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(stream: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const stored of this.store.readStream(stream)) events.push(asRecordedEvent(stored));
    return events;
  }
}

/** The latest recordedAt among the events, the default as-of moment of a view. */
export const latestRecordedAt = (events: ReadonlyArray<RecordedEvent>): string | undefined =>
  events.reduce<string | undefined>(
    (latest, event) => (latest === undefined || Date.parse(event.metadata.recordedAt) > Date.parse(latest) ? event.metadata.recordedAt : latest),
    undefined,
  );

export const knownBy = (events: ReadonlyArray<RecordedEvent>, asOf: string | undefined): RecordedEvent[] =>
  asOf === undefined ? [...events] : events.filter((event) => Date.parse(event.metadata.recordedAt) <= Date.parse(asOf));
