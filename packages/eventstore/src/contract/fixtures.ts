import { randomUUID } from 'node:crypto';
import { isRevisionConflict } from '../errors';
import type { EventMetadataJson, EventToAppend, StoredEvent } from '../event-store';

export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

export const metadataFor = (overrides: Partial<EventMetadataJson> = {}): EventMetadataJson => ({
  actor: { id: 'c-03', role: 'coach' },
  recordedAt: '2025-09-16T18:02:11.000Z',
  commandId: randomUUID(),
  correlationId: randomUUID(),
  ...overrides,
});

export const anEvent = (overrides: Partial<EventToAppend> = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'SessionLogged',
  schemaVersion: 1,
  data: { sessionId: `s-${randomUUID().slice(0, 8)}`, durationMinutes: 45 },
  metadata: metadataFor(),
  ...overrides,
});

/** `count` events of `type`, their data numbered from `from` so order is visible in failures. */
export const someEvents = (count: number, type = 'SessionLogged', from = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => anEvent({ type, data: { n: from + i } }));

export const idsOf = (events: ReadonlyArray<{ readonly id: string }>): string[] => events.map((event) => event.id);

export const positionsOf = (events: ReadonlyArray<StoredEvent>): number[] => events.map((event) => event.position);

/** True when every position is greater than the one before it. */
export const strictlyIncreasing = (numbers: ReadonlyArray<number>): boolean =>
  numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);

/** The event as it was appended: what a reader must get back, field for field. */
export const asAppended = ({ id, type, schemaVersion, data, metadata }: EventToAppend): EventToAppend => ({
  id,
  type,
  schemaVersion,
  data,
  metadata,
});

/** Expects `attempt` to fail with a RevisionConflictError naming `stream` (shows any other outcome). */
export const expectRevisionConflict = async (attempt: Promise<unknown>, stream: string): Promise<void> => {
  const outcome = await attempt.then(
    (value) => ({ resolved: value }),
    (error: unknown) => error,
  );
  expect(isRevisionConflict(outcome) ? outcome.stream : outcome).toBe(stream);
};
