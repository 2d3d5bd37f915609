import type { RecordedEvent } from '@coachline/domain';
import { type EventToAppend, InMemoryEventStore } from '@coachline/eventstore';

/** A recorded event as it is appended again: same id, type, version, data and metadata. */
export const appendable = (event: RecordedEvent): EventToAppend => ({
  id: event.id,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
});

/** An in-memory store holding `events`, appended one at a time in their order, to their own streams. */
export const storeHolding = async (events: ReadonlyArray<RecordedEvent>): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  for (const event of events) await store.append(event.stream, [appendable(event)], 'any');
  return store;
};
