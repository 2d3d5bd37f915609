import * as E from 'fp-ts/Either';
import { DomainEvent } from '../kernel/decider';
import { ProgramGuide } from './program-guide';
import { RequirementStatus, StatusQuery, requirementStatuses } from './requirement-status';
import { starsPbcGuide } from './stars-pbc';

const programYear = { startsOn: '2025-07-01', endsOn: '2026-06-30' };
const ev = (type: string, data: Record<string, unknown>): DomainEvent => ({ type, data });
const signed = (party: string, signedOn: string) =>
  ev('AgreementSigned', { agreementId: 'ag-1', party, signedBy: `${party}-1`, signedOn });
const byId = (list: RequirementStatus[]) => new Map(list.map((s) => [s.requirementId, s]));

const history = [
  ev('AgreementDrafted', { agreementId: 'ag-1', providerId: 'p-1', coachId: 'c-03' }),
  signed('coach', '2025-09-20'),
  signed('coachee', '2025-09-22'),
  signed('coach', '2025-09-25'),
  signed('supervisor', '2025-10-20'),
  ev('CoachingCycleCompleted', {
    agreementId: 'ag-1',
    cycleNumber: 1,
    completedOn: '2025-11-28',
    sessionIds: ['s1', 's2'],
  }),
];
const coachee = (on: string, more: Partial<StatusQuery> = {}) =>
  requirementStatuses({
    guide: starsPbcGuide,
    programYear,
    scope: 'provider',
    enrolledOn: '2025-09-15',
    events: history,
    on,
    ...more,
  });
const stars = (on: string, more: Partial<StatusQuery> = {}) => byId(coachee(on, more));

describe('STARS Practice-Based Coaching requirement statuses', () => {
  it('waits for all three parties within the first month of enrollment, counting each party once', () =>
    expect(stars('2025-10-10').get('agreement-signed')).toEqual({
      requirementId: 'agreement-signed',
      title: 'Coaching agreement signed by coach, supervisor and coachee',
      kind: 'count',
      window: { from: '2025-09-15', to: '2025-10-14' },
      status: 'due',
      daysLeft: 4,
      count: 2,
    }));

  it('is overdue while the supervisor has not signed after the first month', () =>
    expect(stars('2025-10-15').get('agreement-signed')).toMatchObject({ status: 'overdue', count: 2 }));

  it('is met, late, by the third party’s signature', () =>
    expect(stars('2025-10-25').get('agreement-signed')).toMatchObject({
      status: 'done',
      late: true,
      count: 3,
      metBy: { type: 'AgreementSigned', date: '2025-10-20', index: 4 },
    }));

  it('expects the first coaching cycle within the two months after the agreement’s month', () => {
    expect(stars('2025-11-20').get('first-coaching-cycle')).toMatchObject({
      status: 'due',
      window: { from: '2025-09-15', to: '2025-12-14' },
    });
    expect(stars('2025-11-28').get('first-coaching-cycle')).toMatchObject({ status: 'done', metBy: { index: 5 } });
    expect(stars('2025-11-28').get('first-coaching-cycle')?.late).toBeUndefined();
  });

  it('applies to family child care homes too', () =>
    expect(coachee('2025-12-01', { setting: 'fcch' }).map((s) => s.status)).toEqual(['done', 'done']));

  it('is not applicable to a coachee who left before the window opened', () =>
    expect(coachee('2025-12-01', { exitedOn: '2025-09-01' }).map((s) => s.status)).toEqual([
      'not-applicable',
      'not-applicable',
    ]));

  it('has no monthly minutes requirement, since the agreement sets a cadence', () => {
    const withDosage: ProgramGuide = {
      ...starsPbcGuide,
      requirements: [
        { kind: 'monthly-dosage', id: 'dosage', title: 'Dosage', scope: 'provider', window: { anchor: 'enrollment' } },
      ],
    };
    const list = coachee('2026-06-30', { guide: withDosage, enrolledOn: '2026-05-01', events: [] });
    expect(list.map((s) => [s.requirementId, s.status])).toEqual([
      ['dosage-2026-05', 'not-applicable'],
      ['dosage-2026-06', 'not-applicable'],
    ]);
  });
});

describe('a guide written as data', () => {
  // A guide loaded from JSON may name event types and fields no other code mentions.
  const json = {
    guideId: 'home-visiting',
    title: 'Home visiting pilot',
    source: 'A county’s own plan',
    requirements: [
      {
        kind: 'count',
        id: 'in-person-visits',
        title: 'Two in-person home visits in the first quarter',
        scope: 'provider',
        window: { anchor: 'program-year', fromMonth: 0, throughMonth: 2 },
        event: { type: 'HomeVisitMade', dateField: 'visitedOn', where: { mode: 'in-person' } },
        min: 2,
      },
      {
        kind: 'monthly',
        id: 'newsletter',
        title: 'Family newsletter sent',
        scope: 'community',
        window: { anchor: 'program-year', throughMonth: 1 },
        event: { type: 'NewsletterSent', dateField: 'sentOn' },
      },
    ],
  };
  const decoded = ProgramGuide.decode(json);
  if (E.isLeft(decoded)) throw new Error('the guide should decode');
  const guide = decoded.right;
  const visit = (mode: string, visitedOn: string) => ev('HomeVisitMade', { providerId: 'p-1', mode, visitedOn });

  it('reads the events and fields it names', () => {
    const events = [
      visit('virtual', '2025-07-10'),
      visit('in-person', '2025-07-20'),
      ev('HomeVisitMade', { mode: 'in-person' }),
      visit('in-person', '2025-09-02'),
    ];
    expect(requirementStatuses({ guide, programYear, scope: 'provider', events, on: '2025-09-30' })).toEqual([
      expect.objectContaining({
        requirementId: 'in-person-visits',
        status: 'done',
        count: 2,
        metBy: { type: 'HomeVisitMade', date: '2025-09-02', index: 3 },
      }),
    ]);
  });

  it('expands its monthly requirement over its own window', () => {
    const events = [ev('NewsletterSent', { sentOn: '2025-08-04' })];
    const list = requirementStatuses({ guide, programYear, scope: 'community', events, on: '2025-08-10' });
    expect(list.map((s) => [s.requirementId, s.status])).toEqual([
      ['newsletter-2025-07', 'overdue'],
      ['newsletter-2025-08', 'done'],
    ]);
  });
});
