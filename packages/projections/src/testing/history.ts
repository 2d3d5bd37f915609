import { Actor, CoachlineEvent, RecordedEvent, streamOf } from '@coachline/domain';

type DataOf<T extends CoachlineEvent['type']> = Extract<CoachlineEvent, { type: T }>['data'];

/**
 * Builds hand-made histories for view specs: each event gets the next position and, unless
 * told otherwise, is recorded at noon UTC of the day after the date it speaks of.
 */
export const historyBuilder = () => {
  const events: RecordedEvent[] = [];
  const add = <T extends CoachlineEvent['type']>(
    type: T,
    data: DataOf<T>,
    recordedAt: string,
    actor: Actor = { id: 'c-03', role: 'coach' },
  ) => {
    const position = events.length + 1;
    const stream = streamOf({ type, data })!;
    events.push({
      id: `e-${position}`,
      stream,
      type,
      schemaVersion: 1,
      data,
      metadata: { actor, recordedAt, commandId: `cmd-${position}`, correlationId: `corr-${position}` },
      position,
      revision: events.filter((e) => e.stream === stream).length,
    } as RecordedEvent);
    return builder;
  };
  const builder = { add, events: () => [...events] };
  return builder;
};

export const at = (day: string, time = '12:00:00.000'): string => `${day}T${time}Z`;
