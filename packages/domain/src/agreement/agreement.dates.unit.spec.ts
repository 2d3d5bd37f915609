import fc from 'fast-check';
import { fold } from '../kernel/decider';
import { command, deciderSpec } from '../testing';
import { AgreementParty } from './agreement-signed';
import { AgreementCommand } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import { AgreementEvent } from './agreement.events';

/** The days an agreement's rules compare: signatures, cycles and its end, each at its edge. */
const spec = deciderSpec(agreementDecider);

const drafted: AgreementEvent = {
  type: 'AgreementDrafted',
  data: {
    agreementId: 'ag-1',
    providerId: 'p-017',
    coachId: 'c-03',
    practices: ['visual-schedules'],
    visitMode: 'in-person',
    estimatedCycles: 8,
    cadence: 'every-two-weeks',
  },
};
const signed = (party: AgreementParty, signedOn: string): Extract<AgreementEvent, { type: 'AgreementSigned' }> => ({
  type: 'AgreementSigned',
  data: { agreementId: 'ag-1', party, signedBy: `${party}-1`, signedOn },
});
const cycle = (
  cycleNumber: number,
  completedOn: string,
): Extract<AgreementEvent, { type: 'CoachingCycleCompleted' }> => ({
  type: 'CoachingCycleCompleted',
  data: { agreementId: 'ag-1', cycleNumber, completedOn, sessionIds: [`s-${cycleNumber}`] },
});
const complete = (cycleNumber: number, completedOn: string) =>
  command<AgreementCommand>('CompleteCoachingCycle', cycle(cycleNumber, completedOn).data);
const end = (on: string) =>
  command<AgreementCommand>('EndAgreement', { agreementId: 'ag-1', on, reason: 'Goals reached.' });
const endedOn = (on: string): AgreementEvent => ({
  type: 'AgreementEnded',
  data: { agreementId: 'ag-1', on, reason: 'Goals reached.' },
});

/** The coach signs last, on September 8; the coachee signed on the 2nd. */
const coachLast = [signed('coachee', '2025-09-02'), signed('supervisor', '2025-09-05'), signed('coach', '2025-09-08')];

const day = (offset: number) => new Date(Date.UTC(2025, 8, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe('the day an agreement becomes active', () => {
  it.each([
    ['coach', [signed('coachee', '2025-09-02'), signed('supervisor', '2025-09-05'), signed('coach', '2025-09-08')]],
    [
      'supervisor',
      [signed('coach', '2025-09-02'), signed('supervisor', '2025-09-08'), signed('coachee', '2025-09-05')],
    ],
    ['coachee', [signed('coachee', '2025-09-08'), signed('coach', '2025-09-02'), signed('supervisor', '2025-09-05')]],
  ] as const)('is the day the %s signed, when that party signs last', (_, signatures) =>
    expect(fold(agreementDecider, [drafted, ...signatures]).activeSince).toBe('2025-09-08'),
  );

  it('is the latest of the three signatures, whatever order and days they come in', () =>
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...AgreementParty.values], { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 3, maxLength: 3 }),
        (parties, offsets) => {
          const days = offsets.map(day);
          const state = fold(agreementDecider, [drafted, ...parties.map((party, i) => signed(party, days[i]!))]);
          expect(state.activeSince).toBe([...days].sort().at(-1));
        },
      ),
    ));

  it('lets the first cycle be completed on that day and refuses the day before, when the coach signed last', () => {
    spec
      .given([drafted, ...coachLast])
      .when(complete(1, '2025-09-08'))
      .then([cycle(1, '2025-09-08')]);
    spec
      .given([drafted, ...coachLast])
      .when(complete(1, '2025-09-07'))
      .thenFails('cycle-before-agreement-active', ['data.completedOn']);
  });

  it('lets the first cycle be completed on the day all three signed together', () =>
    spec
      .given([
        drafted,
        signed('coach', '2025-09-03'),
        signed('supervisor', '2025-09-03'),
        signed('coachee', '2025-09-03'),
      ])
      .when(complete(1, '2025-09-03'))
      .then([cycle(1, '2025-09-03')]));
});

describe('cycles and the end on the same day', () => {
  const oneCycle = [drafted, ...coachLast, cycle(1, '2025-09-20')];

  it('completes a cycle on the day the previous one was completed', () =>
    spec
      .given(oneCycle)
      .when(complete(2, '2025-09-20'))
      .then([cycle(2, '2025-09-20')]));

  it('refuses a cycle the day before the previous one', () =>
    spec
      .given(oneCycle)
      .when(complete(2, '2025-09-19'))
      .thenFails('cycle-before-previous-cycle', ['data.completedOn']));

  it('measures against the latest cycle, not the first, once there are several', () =>
    spec
      .given([...oneCycle, cycle(2, '2025-10-04')])
      .when(complete(3, '2025-10-03'))
      .thenFails('cycle-before-previous-cycle', ['data.completedOn']));

  it('ends on the day of its last cycle', () =>
    spec
      .given(oneCycle)
      .when(end('2025-09-20'))
      .then([endedOn('2025-09-20')]));

  it('refuses an end the day before its last cycle', () =>
    spec
      .given([...oneCycle, cycle(2, '2025-10-04')])
      .when(end('2025-10-03'))
      .thenFails('agreement-ends-before-last-cycle', ['data.on']));

  it('whatever days its cycles fall on, accepts an end on or after the last and refuses one before it', () =>
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: -3, max: 3 }),
        (gaps, shift) => {
          let offset = 7;
          const cycles = gaps.map((gap, i) => cycle(i + 1, day((offset += gap))));
          const last = day(offset);
          const on = day(offset + shift);
          const given = spec.given([drafted, ...coachLast, ...cycles]).when(end(on));
          if (shift >= 0) given.then([endedOn(on)]);
          else given.thenFails('agreement-ends-before-last-cycle', ['data.on']);
          expect(fold(agreementDecider, [drafted, ...coachLast, ...cycles]).lastCycleCompletedOn).toBe(last);
        },
      ),
    ));
});

describe('an agreement after a concern is raised', () => {
  const concern: AgreementEvent = {
    type: 'AgreementConcernRaised',
    data: { agreementId: 'ag-1', raisedBy: 'coachee', summary: 'Visits were moved twice.' },
  };

  it('keeps its days: the next cycle and an end are judged as before it', () => {
    spec
      .given([drafted, ...coachLast, cycle(1, '2025-09-20'), concern])
      .when(complete(2, '2025-09-20'))
      .then([cycle(2, '2025-09-20')]);
    spec
      .given([drafted, ...coachLast, cycle(1, '2025-09-20'), concern])
      .when(end('2025-09-19'))
      .thenFails('agreement-ends-before-last-cycle', ['data.on']);
  });
});
