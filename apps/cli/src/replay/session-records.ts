import type { RecordedEvent } from '@coachline/domain';

/**
 * Session events as the checking thread hands them to the main thread of a dosage replay, once
 * it has parsed and validated their lines in full: only what the dosage fold reads of them (the
 * type, the provider and session ids, the day, minutes and kind of a log, the changes of a
 * correction), and what the main thread itself reads of any event (its stream, its position and
 * when it was recorded). A few short texts and numbers a record, laid out by column, cost the
 * main thread a fraction of parsing the line again, and the structured clone that carries them
 * between threads copies arrays, not objects.
 */
export interface SessionRecords {
  /** Per record: the index of its type in `SESSION_TYPES`, or `REFUSED` for a line the check refused. */
  readonly types: Uint8Array;
  /** Per record, `TEXTS_PER_RECORD` texts: stream, recordedAt, providerId, sessionId, heldOn, kind. */
  readonly texts: ReadonlyArray<string | undefined>;
  /** Per record, its position and its minutes; NaN where the event has none. */
  readonly numbers: Float64Array;
  /** The changes of the corrections, in the order of their records. */
  readonly changes: ReadonlyArray<unknown>;
}

export const SESSION_TYPES = ['SessionLogged', 'SessionCorrected', 'SessionVoided'] as const;

const REFUSED = 255;
const LOGGED = 0;
const CORRECTED = 1;
const TEXTS_PER_RECORD = 6;
const NUMBERS_PER_RECORD = 2;

const typeIndex = new Map<string, number>(SESSION_TYPES.map((type, index) => [type, index]));

/** Whether an event is one a session record can carry. */
export const isSessionEvent = (event: RecordedEvent): boolean => typeIndex.has(event.type);

type Fields = Readonly<Record<string, unknown>>;

const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const numberOf = (value: unknown): number => (typeof value === 'number' ? value : NaN);

/** The checking thread's side: records added in the order of the lines handed, taken a batch at a time. */
export const sessionRecordWriter = () => {
  let types: number[] = [];
  let texts: Array<string | undefined> = [];
  let numbers: number[] = [];
  let changes: unknown[] = [];
  return {
    /** A session event, validated. */
    add(event: RecordedEvent): void {
      const data = event.data as Fields;
      const type = typeIndex.get(event.type)!;
      types.push(type);
      texts.push(
        event.stream,
        event.metadata.recordedAt,
        textOf(data['providerId']),
        textOf(data['sessionId']),
        textOf(data['heldOn']),
        textOf(data['kind']),
      );
      numbers.push(numberOf(event.position), numberOf(data['durationMinutes']));
      if (type === CORRECTED) changes.push(data['changes']);
    },
    /** A line handed that the check refused: the main thread folds nothing for it. */
    refused(): void {
      types.push(REFUSED);
      texts.push(undefined, undefined, undefined, undefined, undefined, undefined);
      numbers.push(NaN, NaN);
    },
    get size(): number {
      return types.length;
    },
    /** The records added since the last batch was taken. */
    take(): SessionRecords {
      const batch = {
        types: Uint8Array.from(types),
        texts,
        numbers: Float64Array.from(numbers),
        changes,
      };
      types = [];
      texts = [];
      numbers = [];
      changes = [];
      return batch;
    },
  };
};

/**
 * The main thread's side: the events of a batch of records, one at a time, in order; undefined
 * for a line the check refused. Each event holds only what the dosage fold and the replay read.
 */
export const sessionRecordReader = (batch: SessionRecords) => {
  let next = 0;
  let nextChanges = 0;
  return {
    get done(): boolean {
      return next >= batch.types.length;
    },
    read(): RecordedEvent | undefined {
      const record = next++;
      const typeAt = batch.types[record]!;
      if (typeAt === REFUSED) return undefined;
      const t = record * TEXTS_PER_RECORD;
      const n = record * NUMBERS_PER_RECORD;
      const type = SESSION_TYPES[typeAt]!;
      const providerId = batch.texts[t + 2];
      const sessionId = batch.texts[t + 3];
      // Each type's data made whole in one literal: one shape a type, no field added after.
      const data =
        typeAt === LOGGED
          ? {
              providerId,
              sessionId,
              heldOn: batch.texts[t + 4],
              durationMinutes: batch.numbers[n + 1],
              kind: batch.texts[t + 5],
            }
          : typeAt === CORRECTED
            ? { providerId, sessionId, changes: batch.changes[nextChanges++] }
            : { providerId, sessionId };
      const stream = batch.texts[t]!;
      const metadata = { recordedAt: batch.texts[t + 1]! };
      const position = batch.numbers[n]!;
      const event = Number.isNaN(position)
        ? { type, stream, metadata, data }
        : { type, stream, metadata, data, position };
      return event as unknown as RecordedEvent;
    },
  };
};

/** What a batch's arrays are held in, handed over between threads rather than copied. */
export const transferablesOf = (batch: SessionRecords): ArrayBuffer[] => [
  batch.types.buffer as ArrayBuffer,
  batch.numbers.buffer as ArrayBuffer,
];
