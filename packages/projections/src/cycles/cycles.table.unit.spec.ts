import { RecordedEvent } from '@coachline/domain';
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

const drafted = (cadence: 'every-two-weeks' | { other: string } = 'every-two-weeks', estimatedCycles = 6) => ({
  agreementId: 'ag-1',
  providerId: 'p-017',
  coachId: 'c-03',
  practices: ['schedules-routines'],
  visitMode: 'in-person' as const,
  estimatedCycles,
  cadence,
});
const signed = (party: 'coach' | 'supervisor' | 'coachee', signedOn: string) => ({
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

/** Drafted on September 1 with the cadence given; the coachee signs first, the coach last. */
const active = (cadence?: Parameters<typeof drafted>[0]) =>
  historyBuilder()
    .add('AgreementDrafted', drafted(cadence), at('2025-09-01'))
    .add('AgreementSigned', signed('coachee', '2025-09-02'), at('2025-09-02'))
    .add('AgreementSigned', signed('supervisor', '2025-09-03'), at('2025-09-03'))
    .add('AgreementSigned', signed('coach', '2025-09-04'), at('2025-09-04'));

describe('the cycles table', () => {
  it('has a fixed header, days between cycles joined with ";" and signatures in the order they were signed', () => {
    const history = active()
      .add('CoachingCycleCompleted', cycle(1, '2025-09-10'), at('2025-09-10'))
      .add('CoachingCycleCompleted', cycle(2, '2025-09-20'), at('2025-09-20'))
      .add('CoachingCycleCompleted', cycle(3, '2025-10-01'), at('2025-10-01'))
      .events();
    const table = cyclesProjection.table(cycles(history, at('2025-10-05')));
    expect(table.header).toEqual([
      'agreementId',
      'providerId',
      'coachId',
      'stage',
      'signatures',
      'activeSince',
      'endedOn',
      'visitMode',
      'cadence',
      'cadenceDays',
      'estimatedCycles',
      'cyclesCompleted',
      'daysBetweenCycles',
      'daysSinceLastCycle',
      'pace',
      'openConcerns',
      'concerns',
    ]);
    expect(table.rows).toEqual([
      [
        'ag-1',
        'p-017',
        'c-03',
        'active',
        'coachee:coachee-1:2025-09-02;supervisor:supervisor-1:2025-09-03;coach:coach-1:2025-09-04',
        '2025-09-04',
        null,
        'in-person',
        'every-two-weeks',
        14,
        6,
        3,
        '10;11',
        4,
        'on-cadence',
        0,
        '',
      ],
    ]);
  });

  it('states a cadence agreed in words as written, with the days its period gives', () => {
    const history = active({ other: 'every three weeks' }).events();
    const [row] = cyclesProjection.table(cycles(history, at('2025-09-20'))).rows;
    expect(row?.slice(7, 11)).toEqual(['in-person', 'every three weeks', 21, 6]);
    expect(row?.[14]).toBe('on-cadence');
  });

  it('shows "not-judged" for an active agreement whose cadence states no period', () => {
    const history = active({ other: 'when the center is open' }).events();
    const [row] = cyclesProjection.table(cycles(history, at('2025-10-05'))).rows;
    expect(row?.slice(8, 10)).toEqual(['when the center is open', null]);
    expect(row?.[14]).toBe('not-judged');
  });
});

describe('the cycles view given events out of their usual order', () => {
  it('lists cycles by number whatever order they were recorded in', () => {
    const history = active()
      .add('CoachingCycleCompleted', cycle(2, '2025-09-20'), at('2025-09-21'))
      .add('CoachingCycleCompleted', cycle(1, '2025-09-10'), at('2025-09-21'))
      .events();
    expect(agreement(history, at('2025-09-25')).cycles).toEqual([
      { cycleNumber: 1, completedOn: '2025-09-10', daysSincePrevious: null, onCadence: null },
      { cycleNumber: 2, completedOn: '2025-09-20', daysSincePrevious: 10, onCadence: true },
    ]);
  });

  it('lists no agreement whose draft is not recorded, even signed', () => {
    const history = historyBuilder()
      .add('AgreementSigned', signed('coach', '2025-09-02'), at('2025-09-02'))
      .add('CoachingCycleCompleted', cycle(1, '2025-09-10'), at('2025-09-10'))
      .events();
    expect(cycles(history, at('2025-09-25'))).toEqual({
      asOf: at('2025-09-25'),
      on: '2025-09-25',
      agreements: [],
      behind: [],
    });
  });

  it('keeps the terms of the first draft: a repeated draft with others changes nothing', () => {
    const history = active()
      .add('AgreementDrafted', { ...drafted({ other: 'monthly' }, 2), coachId: 'c-09' }, at('2025-09-05'))
      .events();
    expect(agreement(history, at('2025-09-10'))).toMatchObject({
      coachId: 'c-03',
      cadence: 'every-two-weeks',
      cadenceDays: 14,
      estimatedCycles: 6,
    });
  });
});
