import { Cadence, RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { cyclesProjection } from './cycles.projection';
import { AgreementCycles, CyclesView } from './cycles.view';

const cycles = (events: ReadonlyArray<RecordedEvent>, asOf: string, providerId?: string): CyclesView =>
  viewOf<CyclesView>(cyclesProjection, events, { asOf, ...(providerId ? { providerId } : {}) });

const agreement = (events: ReadonlyArray<RecordedEvent>, asOf: string, agreementId = 'ag-1'): AgreementCycles => {
  const found = cycles(events, asOf).agreements.find((a) => a.agreementId === agreementId);
  if (!found) throw new Error(`${agreementId} is not in the view`);
  return found;
};

const drafted = (
  options: { agreementId?: string; providerId?: string; estimatedCycles?: number; cadence?: Cadence } = {},
) => ({
  agreementId: options.agreementId ?? 'ag-1',
  providerId: options.providerId ?? 'p-017',
  coachId: 'c-03',
  practices: ['schedules-routines', 'transitions'],
  visitMode: 'in-person' as const,
  estimatedCycles: options.estimatedCycles ?? 6,
  cadence: options.cadence ?? ('every-two-weeks' as const),
});

const signed = (party: 'coach' | 'supervisor' | 'coachee', signedOn: string, agreementId = 'ag-1') => ({
  agreementId,
  party,
  signedBy: `${party}-1`,
  signedOn,
});
const cycle = (cycleNumber: number, completedOn: string, agreementId = 'ag-1') => ({
  agreementId,
  cycleNumber,
  completedOn,
  sessionIds: [`s-${cycleNumber}`],
});

/** Drafted on September 2, signed by the coach and supervisor, then by the coachee on September 8. */
const signedAgreement = (options: Parameters<typeof drafted>[0] = {}) =>
  historyBuilder()
    .add('AgreementDrafted', drafted(options), at('2025-09-02'))
    .add('AgreementSigned', signed('supervisor', '2025-09-05', options.agreementId), at('2025-09-05'))
    .add('AgreementSigned', signed('coach', '2025-09-03', options.agreementId), at('2025-09-05'))
    .add('AgreementSigned', signed('coachee', '2025-09-08', options.agreementId), at('2025-09-08'));

describe('the cycles view', () => {
  it('is a draft until all three parties have signed, then active since the last signature', () => {
    const history = signedAgreement().events();
    expect(agreement(history, at('2025-09-06'))).toMatchObject({
      stage: 'drafted',
      activeSince: null,
      daysSinceLastCycle: null,
      pace: null,
    });
    expect(agreement(history, at('2025-09-08'))).toEqual({
      agreementId: 'ag-1',
      providerId: 'p-017',
      coachId: 'c-03',
      stage: 'active',
      signatures: [
        { party: 'coach', signedBy: 'coach-1', signedOn: '2025-09-03' },
        { party: 'supervisor', signedBy: 'supervisor-1', signedOn: '2025-09-05' },
        { party: 'coachee', signedBy: 'coachee-1', signedOn: '2025-09-08' },
      ],
      activeSince: '2025-09-08',
      endedOn: null,
      visitMode: 'in-person',
      cadence: 'every-two-weeks',
      cadenceDays: 14,
      estimatedCycles: 6,
      cyclesCompleted: 0,
      cycles: [],
      daysSinceLastCycle: 0,
      pace: 'on-cadence',
      concerns: [],
    });
  });

  it('measures the days between consecutive cycles against a two-week cadence', () => {
    const history = signedAgreement()
      .add('CoachingCycleCompleted', cycle(1, '2025-09-20'), at('2025-09-20'))
      .add('CoachingCycleCompleted', cycle(2, '2025-10-04'), at('2025-10-04'))
      .add('CoachingCycleCompleted', cycle(3, '2025-10-24'), at('2025-10-24'))
      .events();
    const view = agreement(history, at('2025-10-25'));
    expect(view.cyclesCompleted).toBe(3);
    expect(view.cycles).toEqual([
      { cycleNumber: 1, completedOn: '2025-09-20', daysSincePrevious: null, onCadence: null },
      { cycleNumber: 2, completedOn: '2025-10-04', daysSincePrevious: 14, onCadence: true },
      { cycleNumber: 3, completedOn: '2025-10-24', daysSincePrevious: 20, onCadence: false },
    ]);
  });

  it('is behind once more days than the cadence have passed since the last cycle, measured on the as-of date', () => {
    const history = signedAgreement().add('CoachingCycleCompleted', cycle(1, '2025-10-24'), at('2025-10-24')).events();
    expect(agreement(history, at('2025-11-07'))).toMatchObject({ daysSinceLastCycle: 14, pace: 'on-cadence' });
    expect(cycles(history, at('2025-11-07')).behind).toEqual([]);
    expect(agreement(history, at('2025-11-08'))).toMatchObject({ daysSinceLastCycle: 15, pace: 'behind' });
    expect(cycles(history, at('2025-11-08')).behind).toEqual(['ag-1']);
  });

  it('measures from the day it became active until the first cycle', () => {
    const history = signedAgreement().events();
    expect(agreement(history, at('2025-09-22'))).toMatchObject({ daysSinceLastCycle: 14, pace: 'on-cadence' });
    expect(agreement(history, at('2025-09-23'))).toMatchObject({ daysSinceLastCycle: 15, pace: 'behind' });
  });

  it('counts a cycle recorded late only from the moment it was recorded', () => {
    const history = signedAgreement()
      .add('CoachingCycleCompleted', cycle(1, '2025-09-20'), at('2025-09-20'))
      .add('CoachingCycleCompleted', cycle(2, '2025-10-03'), at('2025-10-08'))
      .events();
    expect(agreement(history, at('2025-10-07'))).toMatchObject({
      cyclesCompleted: 1,
      daysSinceLastCycle: 17,
      pace: 'behind',
    });
    expect(agreement(history, at('2025-10-08'))).toMatchObject({
      cyclesCompleted: 2,
      daysSinceLastCycle: 5,
      pace: 'on-cadence',
    });
  });

  it('judges another cadence by the period its words state', () => {
    const history = signedAgreement({ cadence: { other: 'every three weeks' } })
      .add('CoachingCycleCompleted', cycle(1, '2025-09-20'), at('2025-09-20'))
      .add('CoachingCycleCompleted', cycle(2, '2025-10-11'), at('2025-10-11'))
      .add('CoachingCycleCompleted', cycle(3, '2025-11-02'), at('2025-11-02'))
      .events();
    const view = cycles(history, at('2025-11-20'));
    expect(view.agreements[0]).toMatchObject({
      cadence: { other: 'every three weeks' },
      cadenceDays: 21,
      daysSinceLastCycle: 18,
      pace: 'on-cadence',
      cycles: [
        expect.objectContaining({ onCadence: null }),
        expect.objectContaining({ daysSincePrevious: 21, onCadence: true }),
        expect.objectContaining({ daysSincePrevious: 22, onCadence: false }),
      ],
    });
    expect(cycles(history, at('2025-11-24')).behind).toEqual(['ag-1']);
  });

  it('makes no judgement of a cadence whose words state no period', () => {
    const history = signedAgreement({ cadence: { other: 'as the coachee’s schedule allows' } })
      .add('CoachingCycleCompleted', cycle(1, '2025-09-20'), at('2025-09-20'))
      .add('CoachingCycleCompleted', cycle(2, '2025-10-30'), at('2025-10-30'))
      .events();
    const view = cycles(history, at('2025-12-31'));
    expect(view.agreements[0]).toMatchObject({
      cadence: { other: 'as the coachee’s schedule allows' },
      cadenceDays: null,
      daysSinceLastCycle: 62,
      pace: 'not-judged',
      cycles: [
        expect.objectContaining({ onCadence: null }),
        expect.objectContaining({ daysSincePrevious: 40, onCadence: null }),
      ],
    });
    expect(view.behind).toEqual([]);
  });

  it('is never behind once it has ended or has completed its estimated cycles', () => {
    const ended = signedAgreement()
      .add(
        'AgreementEnded',
        { agreementId: 'ag-1', on: '2025-10-01', reason: 'The coachee changed centers.' },
        at('2025-10-01'),
      )
      .events();
    expect(agreement(ended, at('2025-12-01'))).toMatchObject({
      stage: 'ended',
      endedOn: '2025-10-01',
      activeSince: '2025-09-08',
      daysSinceLastCycle: null,
      pace: null,
    });
    const complete = signedAgreement({ estimatedCycles: 2 })
      .add('CoachingCycleCompleted', cycle(1, '2025-09-20'), at('2025-09-20'))
      .add('CoachingCycleCompleted', cycle(2, '2025-10-04'), at('2025-10-04'))
      .events();
    expect(agreement(complete, at('2025-12-01'))).toMatchObject({
      cyclesCompleted: 2,
      daysSinceLastCycle: 58,
      pace: 'on-cadence',
    });
    expect(cycles(complete, at('2025-12-01')).behind).toEqual([]);
  });

  it('lists the agreements behind in id order, narrows to a provider, and leaves out agreements never drafted', () => {
    const history = signedAgreement({ agreementId: 'ag-2', providerId: 'p-002' })
      .add('AgreementDrafted', drafted({ agreementId: 'ag-1' }), at('2025-09-02'))
      .add('AgreementSigned', signed('coach', '2025-09-02'), at('2025-09-02'))
      .add('AgreementSigned', signed('supervisor', '2025-09-02'), at('2025-09-02'))
      .add('AgreementSigned', signed('coachee', '2025-09-02'), at('2025-09-02'))
      .add('AgreementSigned', signed('coach', '2025-09-02', 'ag-9'), at('2025-09-02'))
      .events();
    const view = cycles(history, at('2025-10-01'));
    expect(view.agreements.map((a) => a.agreementId)).toEqual(['ag-1', 'ag-2']);
    expect(view.behind).toEqual(['ag-1', 'ag-2']);
    expect(cycles(history, at('2025-10-01'), 'p-002').agreements.map((a) => a.agreementId)).toEqual(['ag-2']);
  });

  it('produces a view its codec accepts and one row per agreement', () => {
    const history = signedAgreement()
      .add('CoachingCycleCompleted', cycle(1, '2025-09-20'), at('2025-09-20'))
      .add('CoachingCycleCompleted', cycle(2, '2025-10-10'), at('2025-10-10'))
      .events();
    const view = cycles(history, at('2025-10-30'));
    expect(cyclesProjection.viewCodec.is(view)).toBe(true);
    const table = cyclesProjection.table(view);
    expect(table.rows).toEqual([
      [
        'ag-1',
        'p-017',
        'c-03',
        'active',
        'coach:coach-1:2025-09-03;supervisor:supervisor-1:2025-09-05;coachee:coachee-1:2025-09-08',
        '2025-09-08',
        null,
        'in-person',
        'every-two-weeks',
        14,
        6,
        2,
        '20',
        20,
        'behind',
        0,
        '',
      ],
    ]);
    expect(table.header).toHaveLength(table.rows[0]!.length);
  });
});
