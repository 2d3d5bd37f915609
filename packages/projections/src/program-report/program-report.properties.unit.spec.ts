import fc from 'fast-check';
import type { RecordedEvent } from '@coachline/domain';
import { at } from '../testing';
import { enrollment, kentProgram, sessionData } from '../testing/fixtures';
import { leadershipReport } from './leadership-report';
import { programReport } from './program-report';
import { reportViewsOf } from './program-report.fixtures';
import { programReportHtml } from './program-report.html';

/**
 * Whatever sessions, voids and reassignments a community's month holds, the report's counts are
 * the dosage and timeline views' own, and the leadership form names no coach or provider.
 */

const PROVIDERS = ['prv-alder-q', 'prv-birch-q', 'prv-cedar-q', 'prv-other-q'];
const COACHES = ['c-03', 'cch-delta-q', 'cch-ember-q'];
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-09-${String(d).padStart(2, '0')}`);

type Act =
  | { type: 'log'; provider: number; coach: number; heldOn: string; minutes: number; lag: number }
  | { type: 'void'; provider: number }
  | { type: 'reassign'; provider: number; coach: number };

const acts: fc.Arbitrary<Act> = fc.oneof(
  fc.record({
    type: fc.constant('log' as const),
    provider: fc.nat(3),
    coach: fc.nat(2),
    heldOn: day,
    minutes: fc.integer({ min: 1, max: 8 }).map((n) => n * 15),
    lag: fc.nat(40),
  }),
  fc.record({ type: fc.constant('void' as const), provider: fc.nat(3) }),
  fc.record({ type: fc.constant('reassign' as const), provider: fc.nat(3), coach: fc.nat(2) }),
);

const historyOf = (plan: ReadonlyArray<Act>): RecordedEvent[] => {
  const builder = kentProgram();
  for (const coachId of COACHES.slice(1))
    builder.add('CoachRegistered', { coachId, communityId: 'kent', name: 'Coach', role: 'coach' }, at('2025-06-21'));
  PROVIDERS.forEach((providerId, i) =>
    builder.add(
      'ProviderEnrolled',
      enrollment(providerId, '2025-07-01', { coachId: COACHES[i % 3]!, communityId: i === 3 ? 'ash' : 'kent' }),
      at('2025-07-01'),
    ),
  );
  let sessions = 0;
  const logged = new Map<number, string[]>();
  for (const act of plan) {
    const providerId = PROVIDERS[act.provider]!;
    if (act.type === 'log') {
      const sessionId = `s-${++sessions}`;
      logged.set(act.provider, [...(logged.get(act.provider) ?? []), sessionId]);
      const recordedOn = new Date(Date.parse(act.heldOn) + act.lag * 86_400_000).toISOString().slice(0, 10);
      builder.add(
        'SessionLogged',
        { ...sessionData(providerId, sessionId, act.heldOn, act.minutes), coachId: COACHES[act.coach]! },
        at(recordedOn),
      );
    } else if (act.type === 'void') {
      const sessionId = logged.get(act.provider)?.pop();
      if (sessionId !== undefined)
        builder.add('SessionVoided', { providerId, sessionId, reason: 'Wrong.' }, at('2025-09-29'));
    } else
      builder.add(
        'ProviderReassigned',
        { providerId, fromCoachId: 'c-03', toCoachId: COACHES[act.coach]!, on: '2025-09-15' },
        at('2025-09-15'),
      );
  }
  return builder.events();
};

const plans = fc.array(acts, { maxLength: 25 });
const asOf = fc.constantFrom('2025-09-20T00:00:00.000Z', '2025-12-01T00:00:00.000Z');

describe('the program report, for any month of sessions, voids and reassignments', () => {
  it('counts exactly the dosage view’s statuses of the community’s providers for the month', () =>
    fc.assert(
      fc.property(plans, asOf, (plan, moment) => {
        const views = reportViewsOf(historyOf(plan), moment);
        const report = programReport(views, 'kent', '2025-09');
        const statuses = views.dosage.providers
          .filter((p) => p.providerId !== 'prv-other-q')
          .flatMap((p) => p.months.filter((m) => m.month === '2025-09').map((m) => m.status));
        expect(report.dosage).toEqual({
          providers: statuses.length,
          meeting: statuses.filter((s) => s === 'met').length,
          partlyMeeting: statuses.filter((s) => s === 'partial').length,
          missing: statuses.filter((s) => s === 'none').length,
        });
        expect(report.coaches.reduce((sum, c) => sum + c.providers, 0)).toBe(statuses.length);
        expect(report.coaches.reduce((sum, c) => sum + c.minutes, 0)).toBe(report.totals.minutes);
      }),
      { numRuns: 40 },
    ));

  it('counts exactly the timeline’s overdue requirements, split among the coaches', () =>
    fc.assert(
      fc.property(plans, asOf, (plan, moment) => {
        const views = reportViewsOf(historyOf(plan), moment);
        const report = programReport(views, 'kent', '2025-09');
        const overdue = views.timeline.providers
          .filter((p) => p.communityId === 'kent')
          .flatMap((p) => p.requirements.filter((r) => r.status === 'overdue'));
        expect(report.totals.overdueItems).toBe(overdue.length);
        expect(report.coaches.reduce((sum, c) => sum + c.overdueItems, 0)).toBe(overdue.length);
      }),
      { numRuns: 40 },
    ));

  it('counts every session of the month not voided once, in the community and under one coach', () =>
    fc.assert(
      fc.property(plans, (plan) => {
        const report = programReport(reportViewsOf(historyOf(plan), '2025-12-01T00:00:00.000Z'), 'kent', '2025-09');
        const voids = new Set(
          historyOf(plan)
            .filter((e) => e.type === 'SessionVoided')
            .map(
              (e) => `${(e.data as { providerId: string }).providerId}/${(e.data as { sessionId: string }).sessionId}`,
            ),
        );
        const expected = historyOf(plan).filter((e) => {
          if (e.type !== 'SessionLogged') return false;
          return e.data.providerId !== 'prv-other-q' && !voids.has(`${e.data.providerId}/${e.data.sessionId}`);
        }).length;
        expect(report.totals.lag.sessions).toBe(expected);
        expect(report.coaches.reduce((sum, c) => sum + c.lag.sessions, 0)).toBe(expected);
      }),
      { numRuns: 40 },
    ));

  it('in its leadership form, JSON and page, names no coach or provider', () =>
    fc.assert(
      fc.property(plans, asOf, (plan, moment) => {
        const reduced = leadershipReport(programReport(reportViewsOf(historyOf(plan), moment), 'kent', '2025-09'));
        for (const text of [JSON.stringify(reduced), programReportHtml(reduced)])
          for (const id of [...PROVIDERS, ...COACHES]) expect(text).not.toContain(id);
      }),
      { numRuns: 40 },
    ));
});
