import { dosageProjection } from './dosage';
import { startFold } from './fold';
import { historyBuilder } from './testing/history';

/** A history of coach registrations recorded at the instants given, in that order. */
const recordedAt = (...instants: string[]) => {
  const history = historyBuilder();
  instants.forEach((instant, i) =>
    history.add(
      'CoachRegistered',
      { coachId: `c-${i}`, communityId: 'linden-county', name: `Coach ${i}`, role: 'coach' },
      instant,
    ),
  );
  return history.events();
};

const folded = (instants: string[], asOf?: string) => {
  const fold = startFold(dosageProjection, asOf === undefined ? {} : { asOf });
  for (const event of recordedAt(...instants)) fold.push(event);
  const { events, latestRecordedAt } = fold.result();
  return { events, latestRecordedAt };
};

describe('startFold: the latest instant and the as-of moment', () => {
  it('keeps the latest instant as written, whatever order the events came in', () => {
    expect(folded(['2025-09-16T18:02:11.000Z', '2025-09-17T08:00:00.000Z', '2025-09-16T23:59:59.999Z'])).toEqual({
      events: 3,
      latestRecordedAt: '2025-09-17T08:00:00.000Z',
    });
  });

  it('compares instants written with an offset or other digits by the moment they name', () => {
    // 20:02:11+02:00 is the moment of the first event: not later, so the first text stays.
    expect(folded(['2025-09-16T18:02:11.000Z', '2025-09-16T20:02:11+02:00'])).toEqual({
      events: 2,
      latestRecordedAt: '2025-09-16T18:02:11.000Z',
    });
    expect(folded(['2025-09-16T18:02:11.000Z', '2025-09-16T18:02:11.5Z', '2025-09-16T17:00:00-01:30'])).toEqual({
      events: 3,
      latestRecordedAt: '2025-09-16T17:00:00-01:30',
    });
  });

  it('skips what was recorded after the as-of moment, given in any form', () => {
    const instants = ['2025-09-16T18:02:11.000Z', '2025-09-16T19:00:00.001Z', '2025-09-16T18:30:00.000Z'];
    const expected = { events: 2, latestRecordedAt: '2025-09-16T18:30:00.000Z' };
    expect(folded(instants, '2025-09-16T19:00:00.000Z')).toEqual(expected);
    expect(folded(instants, '2025-09-16T21:00:00+02:00')).toEqual(expected);
    expect(folded(instants, '2025-09-16T19:00:00Z')).toEqual(expected);
    expect(folded(instants, '2025-09-16T19:00:00.001Z')).toEqual({
      events: 3,
      latestRecordedAt: '2025-09-16T19:00:00.001Z',
    });
  });
});
