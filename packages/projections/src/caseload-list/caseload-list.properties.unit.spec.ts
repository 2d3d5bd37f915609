import fc from 'fast-check';
import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { sortedBy } from '../ordering';
import { at, enrollment } from '../testing';
import { kentProgram, sessionData } from '../testing/fixtures';
import { dosageProjection } from '../dosage/dosage.projection';
import { DosageView } from '../dosage/dosage.view';
import { timelineProjection } from '../timeline/timeline.projection';
import { TimelineRequirement, TimelineView } from '../timeline/timeline.view';
import { caseloadList } from './caseload-list';
import { caseloadTable } from './caseload-list.table';

/**
 * The list only joins two views: whatever the history, its month figures are the dosage view's,
 * it holds each enrolled provider once, and its next item is the first of the timeline's unmet
 * requirements in urgency order, told here by a sort of its own.
 */

const PROVIDERS = ['p-1', 'p-2', 'p-3', 'p-4'];
const COACHES = ['c-03', 'c-04'];
const DAY_MS = 86_400_000;
const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const step = fc.oneof(
  fc.record({
    kind: fc.constant('session' as const),
    providerId: fc.constantFrom(...PROVIDERS),
    sessionId: fc.constantFrom('s-1', 's-2', 's-3'),
    durationMinutes: fc.integer({ min: 1, max: 180 }),
  }),
  fc.record({
    kind: fc.constant('reassign' as const),
    providerId: fc.constantFrom(...PROVIDERS),
    toCoachId: fc.constantFrom(...COACHES),
  }),
  fc.record({ kind: fc.constant('exit' as const), providerId: fc.constantFrom(...PROVIDERS) }),
  fc.record({ kind: fc.constant('survey' as const), providerId: fc.constantFrom(...PROVIDERS) }),
);

const program = fc.record({
  enrolments: fc.array(
    fc.record({
      providerId: fc.constantFrom(...PROVIDERS),
      after: fc.integer({ min: 0, max: 90 }),
      coach: fc.constantFrom(...COACHES),
    }),
    { maxLength: 5 },
  ),
  steps: fc.array(fc.record({ after: fc.integer({ min: 0, max: 25 }), step }), { maxLength: 25 }),
  asOfAfter: fc.integer({ min: 0, max: 420 }),
});
type Program = typeof program extends fc.Arbitrary<infer T> ? T : never;

const historyOf = (g: Program): { events: RecordedEvent[]; asOf: string } => {
  const history = kentProgram().add(
    'CoachRegistered',
    { coachId: 'c-04', communityId: 'kent', name: 'Coach', role: 'coach' },
    at('2025-06-21'),
  );
  const enrolled = new Set<string>();
  for (const { providerId, after, coach } of g.enrolments) {
    if (enrolled.has(providerId)) continue;
    enrolled.add(providerId);
    const on = dayAfter('2025-07-01', after);
    history.add('ProviderEnrolled', enrollment(providerId, on, { coachId: coach }), at(on));
  }
  let day = '2025-07-02';
  for (const { after, step: s } of g.steps) {
    day = dayAfter(day, after);
    if (!enrolled.has(s.providerId)) continue;
    if (s.kind === 'session')
      history.add('SessionLogged', sessionData(s.providerId, s.sessionId, day, s.durationMinutes), at(day));
    else if (s.kind === 'reassign')
      history.add(
        'ProviderReassigned',
        { providerId: s.providerId, fromCoachId: 'c-03', toCoachId: s.toCoachId, on: day },
        at(day),
      );
    else if (s.kind === 'exit')
      history.add('ProviderExited', { providerId: s.providerId, on: day, reason: 'left-program' }, at(day));
    else history.add('DemographicSurveyCompleted', { providerId: s.providerId, completedOn: day }, at(day));
  }
  return { events: history.events(), asOf: `${dayAfter('2025-07-01', g.asOfAfter)}T23:59:59.999Z` };
};

const viewsOf = (g: Program) => {
  const { events, asOf } = historyOf(g);
  return {
    events,
    asOf,
    dosage: viewOf<DosageView>(dosageProjection, events, { asOf }),
    timeline: viewOf<TimelineView>(timelineProjection, events, { asOf }),
  };
};

const RANK: Readonly<Record<string, number>> = { overdue: 0, due: 1, upcoming: 2 };

interface Unmet {
  readonly r: TimelineRequirement;
  readonly rank: number;
  readonly days: number;
}

describe('the caseload list, whatever the history', () => {
  it('lists every provider enrolled by the moment asked about once, by coach then provider', () => {
    fc.assert(
      fc.property(program, (g) => {
        const { events, asOf, dosage, timeline } = viewsOf(g);
        const list = caseloadList(dosage, timeline);
        const enrolled = events
          .filter((e) => e.type === 'ProviderEnrolled' && e.metadata.recordedAt <= asOf)
          .map((e) => (e.data as { providerId: string }).providerId);
        expect(list.providers.map((p) => p.providerId).sort()).toEqual([...enrolled].sort());
        const order = list.providers.map((p) => `${p.coachId}\u0000${p.providerId}`);
        expect(order).toEqual([...order].sort());
        expect(caseloadTable(list).rows).toHaveLength(list.providers.length);
      }),
      { numRuns: 60 },
    );
  });

  it('gives this month’s minutes and status as the dosage view figures them', () => {
    fc.assert(
      fc.property(program, (g) => {
        const { asOf, dosage, timeline } = viewsOf(g);
        const asOfMonth = asOf.slice(0, 7);
        const thisMonth = asOfMonth < '2026-06' ? asOfMonth : '2026-06';
        for (const row of caseloadList(dosage, timeline).providers) {
          const figures = dosage.providers.find((p) => p.providerId === row.providerId)!;
          const month = figures.months.find((m) => m.month === thisMonth);
          if (month === undefined) expect(row.thisMonth).toBeNull();
          else
            expect(row.thisMonth).toEqual({
              month: thisMonth,
              minutes: month.minutes,
              targetMinutes: figures.targetMinutes,
              status: month.status,
            });
          // A provider still enrolled has a figure for every month begun since they started.
          if (row.exitedOn === null && row.enrolledOn.slice(0, 7) <= thisMonth) expect(row.thisMonth).not.toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives as next item the first of the provider’s unmet requirements in urgency order', () => {
    fc.assert(
      fc.property(program, (g) => {
        const { dosage, timeline } = viewsOf(g);
        for (const row of caseloadList(dosage, timeline).providers) {
          const requirements = timeline.providers.find((p) => p.providerId === row.providerId)!.requirements;
          const unmet = requirements.flatMap((r): Unmet[] =>
            r.status === 'overdue'
              ? [{ r, rank: RANK['overdue']!, days: -(r.daysOverdue ?? 0) }]
              : r.status === 'due'
                ? [{ r, rank: RANK['due']!, days: r.daysLeft ?? 0 }]
                : r.status === 'upcoming'
                  ? [{ r, rank: RANK['upcoming']!, days: r.opensInDays ?? 0 }]
                  : [],
          );
          const first = sortedBy(
            unmet,
            (u) => u.rank,
            (u) => u.days,
            (u) => u.r.window.to,
            (u) => u.r.requirementId,
            (u) => u.r.month ?? '',
          )[0];
          if (first === undefined) expect(row.next).toBeNull();
          else
            expect(row.next).toEqual({
              requirementId: first.r.requirementId,
              title: first.r.title,
              month: first.r.month,
              status: first.r.status,
              windowTo: first.r.window.to,
              days: Math.abs(first.days),
            });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps, filtered by coach, exactly the rows of that coach', () => {
    fc.assert(
      fc.property(program, fc.constantFrom(...COACHES), (g, coachId) => {
        const { dosage, timeline } = viewsOf(g);
        const all = caseloadList(dosage, timeline);
        expect(caseloadList(dosage, timeline, { coachId }).providers).toEqual(
          all.providers.filter((p) => p.coachId === coachId),
        );
      }),
      { numRuns: 40 },
    );
  });
});
