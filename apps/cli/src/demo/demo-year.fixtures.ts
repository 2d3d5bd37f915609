import { commandCatalogue, CoachlineCommand, encodeRecordedEvent, RecordedEvent } from '@coachline/domain';
import { generateDemoProgram } from './generate-demo-program';

/** A generated year, with its JSON lines; generated once per options for the specs that read it. */
export interface DemoYear {
  readonly events: ReadonlyArray<RecordedEvent>;
  readonly lines: ReadonlyArray<string>;
}

const years = new Map<string, DemoYear>();

export const demoYear = (providers: number, seed: number): DemoYear => {
  const key = `${providers}/${seed}`;
  let year = years.get(key);
  if (!year) {
    const events = [...generateDemoProgram({ providers, seed })];
    year = { events, lines: events.map((event) => JSON.stringify(encodeRecordedEvent(event))) };
    years.set(key, year);
  }
  return year;
};

export const ofType = <Type extends RecordedEvent['type']>(events: ReadonlyArray<RecordedEvent>, type: Type) =>
  events.filter((event): event is Extract<RecordedEvent, { type: Type }> => event.type === type);

/** Events grouped by stream, each stream in global order. */
export const byStream = (events: ReadonlyArray<RecordedEvent>): Map<string, RecordedEvent[]> => {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const stream = streams.get(event.stream) ?? [];
    stream.push(event);
    streams.set(event.stream, stream);
  }
  return streams;
};

const commandTypeOf = new Map<string, string>(
  commandCatalogue.flatMap((definition) => definition.produces.map((type) => [type, definition.type])),
);

/** The command that would have produced `event`, issued when the event was recorded, by the same actor. */
export const commandOf = (event: RecordedEvent): CoachlineCommand => {
  const type = commandTypeOf.get(event.type);
  if (!type) throw new Error(`No command produces ${event.type}.`);
  const { actor, recordedAt, commandId, correlationId, causationId } = event.metadata;
  return {
    type,
    data: event.data,
    metadata: { actor, issuedAt: recordedAt, commandId, correlationId, ...(causationId ? { causationId } : {}) },
  } as CoachlineCommand;
};

export const dayNumber = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00.000Z`) / 86_400_000;
