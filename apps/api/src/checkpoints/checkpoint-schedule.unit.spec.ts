import * as fc from 'fast-check';
import { checkpointDue, type CheckpointSchedule } from './checkpoint-schedule';

const EVERY_5_OR_10_MINUTES: CheckpointSchedule = { everyEvents: 5, everyMinutes: 10 };
const SIGNED = { size: 20, signedAt: '2026-12-06T12:00:00.000Z' };
const at = (minutes: number) => new Date(Date.parse(SIGNED.signedAt) + minutes * 60_000);

describe('when a checkpoint is due', () => {
  it('counts, before the first checkpoint, from the empty tree as of the start', () => {
    const started = { size: 0, signedAt: SIGNED.signedAt };
    expect(checkpointDue(EVERY_5_OR_10_MINUTES, 4, started, at(9))).toBe(false);
    expect(checkpointDue(EVERY_5_OR_10_MINUTES, 5, started, at(0))).toBe(true);
    expect(checkpointDue(EVERY_5_OR_10_MINUTES, 1, started, at(10))).toBe(true);
    expect(checkpointDue(EVERY_5_OR_10_MINUTES, 0, started, at(1_000))).toBe(false);
  });

  it('is due once the tree grew by the number of events, not before', () => {
    expect(checkpointDue(EVERY_5_OR_10_MINUTES, 24, SIGNED, at(1))).toBe(false);
    expect(checkpointDue(EVERY_5_OR_10_MINUTES, 25, SIGNED, at(1))).toBe(true);
  });

  it('is due after the minutes when the tree grew at all, not before', () => {
    expect(checkpointDue(EVERY_5_OR_10_MINUTES, 21, SIGNED, at(9.99))).toBe(false);
    expect(checkpointDue(EVERY_5_OR_10_MINUTES, 21, SIGNED, at(10))).toBe(true);
  });

  it('is never due while the tree has not grown past the last checkpoint, however long ago it was', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 1_000 }),
        (size, minutes, everyEvents, everyMinutes) =>
          !checkpointDue({ everyEvents, everyMinutes }, size, SIGNED, at(minutes)),
      ),
    );
  });

  it('is due, for any schedule, once the tree grew by its count or its minutes passed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 1_000 }),
        (grown, minutes, everyEvents, everyMinutes) =>
          checkpointDue({ everyEvents, everyMinutes }, SIGNED.size + grown, SIGNED, at(minutes)) ===
          (grown >= everyEvents || minutes >= everyMinutes),
      ),
    );
  });
});
