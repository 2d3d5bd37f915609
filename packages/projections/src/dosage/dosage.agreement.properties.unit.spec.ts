import fc from 'fast-check';
import { RecordedEvent, requirementStatuses, rirYear1Guide, SessionKind } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { dosageProjection } from './dosage.projection';
import { DosageView } from './dosage.view';

/**
 * The dosage view and the guide's monthly dosage requirements answer the same question (how
 * many counted minutes a provider had in a month, and whether that met the target) from the
 * same session ledger. For any provider history they must agree month by month.
 */

const DAY_MS = 86_400_000;
const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const lastDayBefore = (date: string) => dayAfter(date, -1);
const yearLater = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

const kinds: SessionKind[] = ['coaching-conversation', 'observation', 'debrief', 'consultation', 'other'];
const sessionIds = ['s-1', 's-2', 's-3', 's-4', 's-5', 's-6'];

/** One thing done to a session, `after` days after the previous one; dates are at most a few weeks back. */
const sessionStep = fc.record({
  after: fc.integer({ min: 0, max: 12 }),
  providerId: fc.constantFrom('p-1', 'p-1', 'p-1', 'p-2'),
  sessionId: fc.constantFrom(...sessionIds),
  action: fc.constantFrom('log', 'log', 'log', 'correct', 'void'),
  heldDaysBack: fc.integer({ min: 0, max: 40 }),
  durationMinutes: fc.integer({ min: 1, max: 180 }),
  kind: fc.constantFrom(...kinds),
  changes: fc.record({ heldOn: fc.boolean(), durationMinutes: fc.boolean(), kind: fc.boolean() }),
});

const providerHistory = fc.record({
  startsOn: fc.integer({ min: 1, max: 12 }).map((month) => `2025-${String(month).padStart(2, '0')}-01`),
  enrolledAfter: fc.integer({ min: 0, max: 200 }),
  steps: fc.array(sessionStep, { maxLength: 40 }),
  exitAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  asOfAfter: fc.integer({ min: 0, max: 420 }),
});

type Generated = typeof providerHistory extends fc.Arbitrary<infer T> ? T : never;

const sessionData = (
  providerId: string,
  sessionId: string,
  heldOn: string,
  durationMinutes: number,
  kind: SessionKind,
) => ({
  providerId,
  sessionId,
  coachId: 'c-03',
  heldOn,
  durationMinutes,
  kind,
  mode: 'in-person' as const,
  agendaUsed: true,
  practices: ['schedules-routines'],
  strategies: ['modeling'],
});

const enrollment = (providerId: string, enrolledOn: string) => ({
  providerId,
  communityId: 'kent',
  programYearId: 'py-1',
  name: `Provider ${providerId}`,
  site: { siteId: 'site-4', name: 'Maple Street Center', setting: 'center' as const },
  agesServed: ['preschool' as const],
  coachId: 'c-03',
  enrolledOn,
});

/** Every event recorded at noon of its day, in the order of the days; a session is logged on or after the day it was held. */
const historyOf = (g: Generated) => {
  const endsOn = lastDayBefore(yearLater(g.startsOn));
  const enrolledOn = dayAfter(g.startsOn, g.enrolledAfter);
  const history = historyBuilder()
    .add(
      'CommunityRegistered',
      { communityId: 'kent', name: 'Kent County', kind: 'county' },
      at(lastDayBefore(g.startsOn)),
    )
    .add(
      'ProgramYearStarted',
      { communityId: 'kent', programYearId: 'py-1', guideId: 'rir-year-1', startsOn: g.startsOn, endsOn },
      at(lastDayBefore(g.startsOn)),
    )
    .add(
      'CoachRegistered',
      { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
      at(lastDayBefore(g.startsOn)),
    )
    .add('ProviderEnrolled', enrollment('p-1', enrolledOn), at(enrolledOn))
    .add('ProviderEnrolled', enrollment('p-2', enrolledOn), at(enrolledOn));
  let day = enrolledOn;
  for (const step of g.steps) {
    day = dayAfter(day, step.after);
    const heldOn = dayAfter(day, -step.heldDaysBack);
    const { providerId, sessionId } = step;
    if (step.action === 'log')
      history.add(
        'SessionLogged',
        sessionData(providerId, sessionId, heldOn, step.durationMinutes, step.kind),
        at(day),
      );
    else if (step.action === 'void')
      history.add('SessionVoided', { providerId, sessionId, reason: 'Logged by mistake.' }, at(day));
    else {
      const changes = {
        ...(step.changes.heldOn ? { heldOn } : {}),
        ...(step.changes.durationMinutes || (!step.changes.heldOn && !step.changes.kind)
          ? { durationMinutes: step.durationMinutes }
          : {}),
        ...(step.changes.kind ? { kind: step.kind } : {}),
      };
      history.add('SessionCorrected', { providerId, sessionId, changes, reason: 'Checked the notes.' }, at(day));
    }
  }
  const exitedOn = g.exitAfter === undefined ? undefined : dayAfter(enrolledOn, g.exitAfter);
  if (exitedOn) history.add('ProviderExited', { providerId: 'p-1', on: exitedOn, reason: 'Moved away.' }, at(exitedOn));
  return { events: history.events(), programYear: { startsOn: g.startsOn, endsOn }, enrolledOn, exitedOn };
};

const recordedBy = (events: RecordedEvent[], asOf: string) =>
  events.filter((e) => Date.parse(e.metadata.recordedAt) <= Date.parse(asOf));

describe('the dosage view and the guide’s dosage requirements', () => {
  it('agree month by month on the minutes and on whether the target was met, for any provider history', () =>
    fc.assert(
      fc.property(providerHistory, (g) => {
        const { events, programYear, enrolledOn, exitedOn } = historyOf(g);
        const on = dayAfter(enrolledOn, g.asOfAfter);
        const asOf = at(on, '23:59:59.999');
        const view = viewOf<DosageView>(dosageProjection, events, { asOf, providerId: 'p-1' });
        const known = recordedBy(events, asOf);
        const statuses = requirementStatuses({
          guide: rirYear1Guide,
          programYear,
          scope: 'provider',
          enrolledOn,
          ...(exitedOn && exitedOn <= on ? { exitedOn } : {}),
          events: known.filter((e) => e.stream === 'provider-p-1'),
          on,
        }).filter((s) => s.kind === 'monthly-dosage');

        const months = view.providers[0]!.months;
        const begun = statuses.filter((s) => s.status !== 'not-applicable' && s.month! <= on.slice(0, 7));
        expect(begun.map((s) => s.month)).toEqual(months.map((m) => m.month));
        months.forEach((month, i) => {
          const status = begun[i]!;
          expect([status.month, status.minutes, status.targetMinutes]).toEqual([
            month.month,
            month.minutes,
            view.providers[0]!.targetMinutes,
          ]);
          expect(status.status === 'done').toBe(month.status === 'met');
        });
      }),
      { numRuns: 300 },
    ));
});
