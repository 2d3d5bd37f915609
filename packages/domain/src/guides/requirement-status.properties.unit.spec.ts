import fc from 'fast-check';
import { SessionLogged } from '../provider/session-logged';
import { SessionVoided } from '../provider/session-voided';
import { DomainEvent } from '../kernel/decider';
import { arbitraryFor } from '../testing';
import { programGuides } from './guide-registry';
import { fieldOf, matchingEvents } from './guide-events';
import { EventMatch, RequirementScope } from './program-guide';
import { requirementStatuses } from './requirement-status';
import { daysBetween, monthsOf, resolveWindow } from './window';

const programYear = { startsOn: '2025-07-01', endsOn: '2026-06-30' };
const dayMs = 86_400_000;
const day = (offset: number) => new Date(Date.UTC(2025, 6, 1) + offset * dayMs).toISOString().slice(0, 10);
const dateIn = (from: number, to: number) => fc.integer({ min: from, max: to }).map(day);

const matches: EventMatch[] = programGuides.flatMap((guide) =>
  guide.requirements.flatMap((r) => [...('event' in r ? [r.event] : []), ...('opener' in r ? [r.opener] : [])]),
);

/** The fields that tie an `each` requirement's event to its opener, drawn from a few values so that some meet. */
const keys = Object.fromEntries(
  programGuides.flatMap((guide) =>
    guide.requirements.flatMap((r) => (r.kind === 'each' ? [[r.key, fc.constantFrom('k-1', 'k-2', 'k-3')]] : [])),
  ),
);

/** Events of every type the guides name, with their date and `where` fields, dated around the year. */
const guideEvent: fc.Arbitrary<DomainEvent> = fc.oneof(
  ...matches.map((match) =>
    fc.record({
      type: fc.constant(match.type),
      data: fc.record({
        ...Object.fromEntries(Object.entries(match.where ?? {}).map(([field, value]) => [field, fc.constant(value)])),
        ...keys,
        ageIntervalMonths: fc.constantFrom(2, 24, 48),
        [match.dateField]: dateIn(-30, 400),
        party: fc.constantFrom('coach', 'supervisor', 'coachee'),
        month: dateIn(-30, 400).map((d) => d.slice(0, 7)),
      }),
    }),
  ),
  arbitraryFor(SessionLogged.event) as fc.Arbitrary<DomainEvent>,
  arbitraryFor(SessionVoided.event) as fc.Arbitrary<DomainEvent>,
);

const query = fc.record({
  guide: fc.constantFrom(...programGuides),
  scope: fc.constantFrom<RequirementScope>('provider', 'community', 'coach'),
  setting: fc.option(fc.constantFrom<'center' | 'fcch'>('center', 'fcch'), { nil: undefined }),
  enrolledOn: fc.option(dateIn(-60, 380), { nil: undefined }),
  exitedOn: fc.option(dateIn(0, 400), { nil: undefined }),
  agesServed: fc.option(fc.subarray(['infant', 'toddler', 'preschool'] as const, { minLength: 1 }), { nil: undefined }),
  events: fc.array(guideEvent, { maxLength: 30 }),
  on: dateIn(0, 364),
});

describe('requirement status properties', () => {
  it('gives every requirement of every guide exactly one status for any day of the year', () =>
    fc.assert(
      fc.property(query, (q) => {
        const statuses = requirementStatuses({ ...q, programYear });
        const expected = q.guide.requirements
          .filter((r) => r.scope === q.scope)
          .flatMap((r) => {
            if (r.kind === 'once' && r.perAgeServed && q.agesServed)
              return r.perAgeServed.byAge.filter((a) => q.agesServed!.includes(a.age)).map((a) => `${r.id}-${a.age}`);
            if (r.kind === 'once' || r.kind === 'count') return [r.id];
            const window = resolveWindow(r.window, { ...programYear, enrolledOn: q.enrolledOn });
            if (r.kind === 'each') {
              // One status per key an opener dated from the window's start up to the day asked about carries.
              const opened = matchingEvents(q.events, r.opener)
                .filter((m) => m.date >= window.from && m.date <= q.on)
                .map((m) => `${r.id}-${String(fieldOf(m.event, r.key))}`);
              return [...new Set(opened)];
            }
            return monthsOf(window).map((month) => `${r.id}-${month}`);
          });
        expect(statuses.map((s) => s.requirementId)).toEqual(expected);
        for (const s of statuses) {
          expect(['upcoming', 'due', 'overdue', 'done', 'not-applicable']).toContain(s.status);
          if (s.status === 'done') {
            expect(s.metBy!.date <= q.on).toBe(true);
            expect(s.late === true).toBe(s.metBy!.date > s.window.to);
            expect(s.daysOverdue).toBe(s.late ? daysBetween(s.window.to, s.metBy!.date) : undefined);
          } else {
            expect(s.metBy).toBeUndefined();
            expect(s.late).toBeUndefined();
          }
          // Every edge of the window: the day before it opens is upcoming, its first and last days due, the day after overdue.
          if (s.status === 'upcoming') expect(s.opensInDays).toBe(daysBetween(q.on, s.window.from));
          if (s.status === 'upcoming') expect(q.on < s.window.from).toBe(true);
          if (s.status === 'due') expect(q.on >= s.window.from && q.on <= s.window.to).toBe(true);
          if (s.status === 'due') expect(s.daysLeft).toBe(daysBetween(q.on, s.window.to));
          if (s.status === 'overdue') expect(q.on > s.window.to).toBe(true);
          if (s.status === 'overdue') expect(s.daysOverdue).toBe(daysBetween(s.window.to, q.on));
          for (const days of [s.opensInDays, s.daysLeft, s.daysOverdue])
            if (days !== undefined) expect(days).toBeGreaterThanOrEqual(s.status === 'due' ? 0 : 1);
          if (q.exitedOn !== undefined && s.window.from > q.exitedOn) expect(s.status).toBe('not-applicable');
        }
      }),
      { numRuns: 300 },
    ));

  it('never holds a center-only requirement against a family child care home', () =>
    fc.assert(
      fc.property(query, (q) => {
        const statuses = requirementStatuses({ ...q, programYear, setting: 'fcch' });
        const centerOnly = new Set(
          q.guide.requirements.filter((r) => r.appliesTo?.settings?.includes('fcch') === false).map((r) => r.id),
        );
        for (const s of statuses.filter((s) => centerOnly.has(s.requirementId)))
          expect(s.status).toBe('not-applicable');
      }),
    ));

  it('never undoes a requirement as the day asked about moves later', () =>
    fc.assert(
      fc.property(query, fc.integer({ min: 0, max: 364 }), (q, later) => {
        const laterOn = day(later) > q.on ? day(later) : q.on;
        const before = requirementStatuses({ ...q, programYear });
        const after = new Map(requirementStatuses({ ...q, programYear, on: laterOn }).map((s) => [s.requirementId, s]));
        for (const s of before.filter((s) => s.status === 'done'))
          expect(after.get(s.requirementId)).toMatchObject({ status: 'done', metBy: s.metBy });
      }),
    ));
});
