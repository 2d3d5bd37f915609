import fc from 'fast-check';
import { AgreementParty, RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { cyclesProjection } from './cycles.projection';
import { AgreementCycles, CyclesView } from './cycles.view';

const cycles = (events: ReadonlyArray<RecordedEvent>, asOf: string): CyclesView =>
  viewOf<CyclesView>(cyclesProjection, events, { asOf });

const agreement = (events: ReadonlyArray<RecordedEvent>, asOf: string): AgreementCycles => {
  const found = cycles(events, asOf).agreements.find((a) => a.agreementId === 'ag-1');
  if (!found) throw new Error('ag-1 is not in the view');
  return found;
};

const draftedData = {
  agreementId: 'ag-1',
  providerId: 'p-017',
  coachId: 'c-03',
  practices: ['schedules-routines'],
  visitMode: 'in-person' as const,
  estimatedCycles: 6,
  cadence: 'every-two-weeks' as const,
};
const signed = (party: AgreementParty, signedOn: string) => ({
  agreementId: 'ag-1',
  party,
  signedBy: `${party}-1`,
  signedOn,
});
const cycle = (cycleNumber: number, completedOn: string) => ({
  agreementId: 'ag-1',
  cycleNumber,
  completedOn,
  sessionIds: [`s-${cycleNumber}`],
});

/** Drafted on September 1; each party signs on the day given, in the order given, recorded that day. */
const signedInOrder = (signatures: ReadonlyArray<readonly [AgreementParty, string]>) => {
  const history = historyBuilder().add('AgreementDrafted', draftedData, at('2025-09-01'));
  for (const [party, day] of signatures) history.add('AgreementSigned', signed(party, day), at(day));
  return history;
};

/** All three signed on September 2, 5 and 8 in some order of parties. */
const activeOn = (coach: string, supervisor: string, coachee: string) =>
  signedInOrder([
    ['coach', coach],
    ['supervisor', supervisor],
    ['coachee', coachee],
  ]);

const day = (offset: number) => new Date(Date.UTC(2025, 8, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe('when an agreement becomes active', () => {
  it.each([
    ['the coach', ['2025-09-08', '2025-09-02', '2025-09-05']],
    ['the supervisor', ['2025-09-02', '2025-09-08', '2025-09-05']],
    ['the coachee', ['2025-09-05', '2025-09-02', '2025-09-08']],
  ] as const)('is active from the day %s signed when that party signs last', (_, [coach, supervisor, coachee]) => {
    const history = activeOn(coach, supervisor, coachee).events();
    expect(agreement(history, at('2025-09-30'))).toMatchObject({
      stage: 'active',
      activeSince: '2025-09-08',
      daysSinceLastCycle: 22,
    });
  });

  it('whatever order and on whatever days the three parties sign, is active from the latest of their days', () =>
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...AgreementParty.values], { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 3, maxLength: 3 }),
        (parties, offsets) => {
          const days = offsets.map(day);
          const history = signedInOrder(parties.map((party, i) => [party, days[i]!] as const)).events();
          const view = agreement(history, at('2025-12-31'));
          const latest = [...days].sort().at(-1)!;
          expect(view.activeSince).toBe(latest);
          expect(view.stage).toBe('active');
          expect(view.daysSinceLastCycle).toBe(
            Math.round((Date.parse('2025-12-31') - Date.parse(latest)) / 86_400_000),
          );
        },
      ),
    ));

  it('keeps the first signature a party recorded: a later one neither moves the day nor is listed', () => {
    const history = activeOn('2025-09-02', '2025-09-05', '2025-09-08')
      .add('AgreementSigned', signed('coach', '2025-09-20'), at('2025-09-20'))
      .events();
    const view = agreement(history, at('2025-09-30'));
    expect(view.activeSince).toBe('2025-09-08');
    expect(view.signatures).toEqual([
      { party: 'coach', signedBy: 'coach-1', signedOn: '2025-09-02' },
      { party: 'supervisor', signedBy: 'supervisor-1', signedOn: '2025-09-05' },
      { party: 'coachee', signedBy: 'coachee-1', signedOn: '2025-09-08' },
    ]);
  });

  it('lists signatures of one day in the order coach, supervisor, coachee', () => {
    const history = signedInOrder([
      ['coachee', '2025-09-03'],
      ['supervisor', '2025-09-03'],
      ['coach', '2025-09-03'],
    ]).events();
    expect(agreement(history, at('2025-09-04')).signatures.map((s) => s.party)).toEqual([
      'coach',
      'supervisor',
      'coachee',
    ]);
  });
});

describe('cycles on the same day', () => {
  const history = activeOn('2025-09-02', '2025-09-05', '2025-09-08')
    .add('CoachingCycleCompleted', cycle(1, '2025-09-20'), at('2025-09-20'))
    .add('CoachingCycleCompleted', cycle(2, '2025-09-20'), at('2025-09-20'));

  it('counts a cycle completed on the day of the previous one as zero days after it, on cadence', () => {
    const view = agreement(history.events(), at('2025-09-21'));
    expect(view.cycles).toEqual([
      { cycleNumber: 1, completedOn: '2025-09-20', daysSincePrevious: null, onCadence: null },
      { cycleNumber: 2, completedOn: '2025-09-20', daysSincePrevious: 0, onCadence: true },
    ]);
    expect(view).toMatchObject({ cyclesCompleted: 2, daysSinceLastCycle: 1, pace: 'on-cadence' });
  });

  it('counts from the last cycle on its own day as zero days', () =>
    expect(agreement(history.events(), at('2025-09-20'))).toMatchObject({ daysSinceLastCycle: 0, pace: 'on-cadence' }));

  it('ends on the day of its last cycle: ended, with that cycle counted and no pace judged', () => {
    const ended = history
      .add('AgreementEnded', { agreementId: 'ag-1', on: '2025-09-20', reason: 'Goals reached.' }, at('2025-09-20'))
      .events();
    const view = cycles(ended, at('2025-12-01'));
    expect(view.agreements[0]).toMatchObject({
      stage: 'ended',
      endedOn: '2025-09-20',
      cyclesCompleted: 2,
      daysSinceLastCycle: null,
      pace: null,
    });
    expect(view.behind).toEqual([]);
  });
});

describe('what is recorded once', () => {
  it('keeps the first record of a cycle number: a later one with another day is ignored', () => {
    const history = activeOn('2025-09-02', '2025-09-05', '2025-09-08')
      .add('CoachingCycleCompleted', cycle(1, '2025-09-20'), at('2025-09-20'))
      .add('CoachingCycleCompleted', cycle(1, '2025-10-01'), at('2025-10-01'))
      .events();
    expect(agreement(history, at('2025-10-02'))).toMatchObject({
      cyclesCompleted: 1,
      cycles: [{ cycleNumber: 1, completedOn: '2025-09-20', daysSincePrevious: null, onCadence: null }],
      daysSinceLastCycle: 12,
    });
  });

  it('keeps the first end of an agreement', () => {
    const history = activeOn('2025-09-02', '2025-09-05', '2025-09-08')
      .add('AgreementEnded', { agreementId: 'ag-1', on: '2025-10-01', reason: 'Goals reached.' }, at('2025-10-01'))
      .add('AgreementEnded', { agreementId: 'ag-1', on: '2025-11-01', reason: 'Moved away.' }, at('2025-11-01'))
      .events();
    expect(agreement(history, at('2025-12-01')).endedOn).toBe('2025-10-01');
  });

  it('gives the same view when any of its events is delivered twice', () => {
    const history = activeOn('2025-09-05', '2025-09-02', '2025-09-08')
      .add('CoachingCycleCompleted', cycle(1, '2025-09-20'), at('2025-09-20'))
      .add('CoachingCycleCompleted', cycle(2, '2025-10-06'), at('2025-10-06'))
      .add('AgreementEnded', { agreementId: 'ag-1', on: '2025-10-06', reason: 'Goals reached.' }, at('2025-10-07'))
      .events();
    const once = cycles(history, at('2025-12-01'));
    fc.assert(
      fc.property(
        fc.subarray(
          history.map((_, i) => i),
          { minLength: 1 },
        ),
        fc.nat(),
        (repeated, later) => {
          const twice = history.flatMap((event, i) => (repeated.includes(i) ? [event, event] : [event]));
          expect(cycles(twice, at('2025-12-01'))).toEqual(once);
          const replayedLate = [...history, history[later % history.length]!];
          expect(cycles(replayedLate, at('2025-12-01'))).toEqual(once);
        },
      ),
    );
  });
});
