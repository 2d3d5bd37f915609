import fc from 'fast-check';
import { RecordedEvent } from '@coachline/domain';
import { dosageProjection, foldHistory, render } from '@coachline/projections';
import { sessionEvent, sessionEvents } from './session-events.fixtures';
import { example } from '../testing/example-history';
import { isSessionEvent, sessionRecordReader, sessionRecordWriter } from './session-records';

/** Each session event as the main thread gets it from the checking thread: recorded, cloned, read. */
const handedOver = (events: ReadonlyArray<RecordedEvent>, batchSize: number): RecordedEvent[] => {
  const writer = sessionRecordWriter();
  const handed: RecordedEvent[] = [];
  const flush = () => {
    const reader = sessionRecordReader(structuredClone(writer.take()));
    while (!reader.done) handed.push(reader.read()!);
  };
  for (const event of events) {
    if (!isSessionEvent(event)) {
      flush();
      handed.push(event);
      continue;
    }
    writer.add(event);
    if (writer.size >= batchSize) flush();
  }
  flush();
  return handed;
};

describe('session records handed to the main thread of a dosage replay', () => {
  it('fold into the dosage view its events fold into, for any logs, corrections and voids', () => {
    fc.assert(
      fc.property(
        sessionEvents(example()),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(undefined, '2025-09-20T00:00:00.000Z'),
        (history, batchSize, asOf) => {
          const options = asOf === undefined ? {} : { asOf };
          const whole = foldHistory(dosageProjection, history, options);
          const handed = foldHistory(dosageProjection, handedOver(history, batchSize), options);
          expect(handed).toEqual(whole);
          expect(render(dosageProjection, handed, options)).toEqual(render(dosageProjection, whole, options));
        },
      ),
      { numRuns: 300, seed: 13_2026 },
    );
  });

  it('carry an event without a position, and a refused line as nothing', () => {
    const { position: _position, ...unplaced } = sessionEvent('SessionVoided', { sessionId: 's-1' }, 1);
    const writer = sessionRecordWriter();
    writer.add(unplaced as RecordedEvent);
    writer.refused();
    const reader = sessionRecordReader(structuredClone(writer.take()));
    expect(reader.read()).not.toHaveProperty('position');
    expect(reader.read()).toBeUndefined();
    expect(reader.done).toBe(true);
  });
});
