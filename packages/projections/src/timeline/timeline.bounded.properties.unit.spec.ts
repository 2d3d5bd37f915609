import fc from 'fast-check';
import * as O from 'fp-ts/Option';
import { pipe } from 'fp-ts/function';
import { findGuide, RecordedEvent, requirementStatuses, RequirementScope, SessionKind } from '@coachline/domain';
import { foldHistory, render } from '../fold';
import { at, enrollment } from '../testing';
import { kentProgram, sessionData } from '../testing/fixtures';
import { timelineProjection } from './timeline.projection';
import { TimelineRequirement, TimelineState, TimelineView } from './timeline.view';

/**
 * The timeline keeps, per subject, what its requirements can tell apart rather than every event:
 * each session once, as corrected, and no repeat of an event alike in every field read. Whatever
 * the history and the day asked about, it shows what the guide says given every event.
 */

const days = fc
  .integer({ min: 0, max: 400 })
  .map((offset) => new Date(Date.UTC(2025, 5, 20) + offset * 86_400_000).toISOString().slice(0, 10));
// A few dates only, so that repeats alike in every field read are frequent.
const fewDays = fc.constantFrom('2025-07-15', '2025-09-02', '2026-01-10');
const sessionIds = fc.constantFrom('s-1', 's-2', 's-3', 's-4');
const kinds = fc.constantFrom<SessionKind>('coaching-conversation', 'observation', 'debrief');
const minutes = fc.integer({ min: 1, max: 8 }).map((n) => n * 15);

type Act = (builder: ReturnType<typeof kentProgram>, n: number) => void;

const acts: fc.Arbitrary<Act> = fc.oneof(
  fc.record({ sessionId: sessionIds, heldOn: days, minutes, kind: kinds }).map(
    (s): Act =>
      (builder) =>
        builder.add('SessionLogged', sessionData('p-017', s.sessionId, s.heldOn, s.minutes, s.kind), at('2025-06-25')),
  ),
  fc
    .record(
      { sessionId: sessionIds, heldOn: days, durationMinutes: minutes, kind: kinds },
      { requiredKeys: ['sessionId'] },
    )
    .map(
      ({ sessionId, ...changes }): Act =>
        (builder) =>
          builder.add(
            'SessionCorrected',
            { providerId: 'p-017', sessionId, changes, reason: 'Corrected.' },
            at('2025-06-25'),
          ),
    ),
  sessionIds.map(
    (sessionId): Act =>
      (builder) =>
        builder.add('SessionVoided', { providerId: 'p-017', sessionId, reason: 'Wrong provider.' }, at('2025-06-25')),
  ),
  fewDays.map(
    (completedOn): Act =>
      (builder) =>
        builder.add('DemographicSurveyCompleted', { providerId: 'p-017', completedOn }, at('2025-06-25')),
  ),
  fewDays.map(
    (heldOn): Act =>
      (builder, n) =>
        builder.add(
          'ProviderCollaborationMeetingHeld',
          {
            communityId: 'kent',
            meetingId: `m-${n}`,
            heldOn,
            facilitatorIds: ['c-03'],
            attendeeIds: ['p-017'],
            topic: 'Transitions.',
          },
          at('2025-06-25'),
        ),
  ),
);

/** What the guide says for one subject given every event of its stream, met-by named by event id. */
const fromEveryEvent = (events: ReadonlyArray<RecordedEvent>, stream: string, scope: RequirementScope, on: string) => {
  const own = events.filter((event) => event.stream === stream);
  const guide = pipe(findGuide('rir-year-1'), O.toUndefined)!;
  return requirementStatuses({
    guide,
    programYear: { startsOn: '2025-07-01', endsOn: '2026-06-30' },
    scope,
    ...(scope === 'provider'
      ? { setting: 'center' as const, enrolledOn: '2025-07-01', agesServed: ['preschool' as const] }
      : {}),
    events: own,
    on,
  }).map((status) => ({
    requirementId: status.requirementId,
    status: status.status,
    metBy: status.metBy ? { eventId: own[status.metBy.index]!.id, date: status.metBy.date } : null,
    count: status.count ?? null,
    exceeded: status.exceeded === true,
    minutes: status.minutes ?? null,
  }));
};

const streamOfType = (events: ReadonlyArray<RecordedEvent>, type: string): string =>
  events.find((event) => event.type === type)!.stream;

const shown = (requirements: ReadonlyArray<TimelineRequirement>) =>
  requirements.map((r) => ({
    requirementId: r.requirementId,
    status: r.status,
    metBy: r.metBy ? { eventId: r.metBy.eventId, date: r.metBy.date } : null,
    count: r.count,
    exceeded: r.exceeded,
    minutes: r.minutes,
  }));

describe('the timeline’s bounded state', () => {
  it('shows, on any day, what the guide says given every event of the provider and the community', () => {
    fc.assert(
      fc.property(fc.array(acts, { maxLength: 40 }), days, (history, on) => {
        const builder = kentProgram().add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'));
        history.forEach((act, n) => act(builder, n));
        const events = builder.events();
        const folded = foldHistory<TimelineState>(timelineProjection, events);
        const view = render<TimelineView>(timelineProjection, folded, { asOf: `${on}T12:00:00.000Z` });
        expect(shown(view.providers[0]!.requirements)).toEqual(
          fromEveryEvent(events, streamOfType(events, 'ProviderEnrolled'), 'provider', on),
        );
        expect(shown(view.communities[0]!.programYears[0]!.requirements)).toEqual(
          fromEveryEvent(events, streamOfType(events, 'ProgramYearStarted'), 'community', on),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('keeps one record of events alike in every field read, however often they repeat', () => {
    const builder = kentProgram().add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'));
    for (let n = 0; n < 50; n++)
      builder.add('DemographicSurveyCompleted', { providerId: 'p-017', completedOn: '2025-07-15' }, at('2025-07-16'));
    const state = foldHistory<TimelineState>(timelineProjection, builder.events()).state;
    expect(state.providers['p-017']!.events.filter((r) => r.type === 'DemographicSurveyCompleted')).toHaveLength(1);
  });

  it('keeps one entry per session, however often it is corrected', () => {
    const builder = kentProgram()
      .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
      .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-02', 60), at('2025-09-02'));
    for (let n = 1; n <= 50; n++)
      builder.add(
        'SessionCorrected',
        { providerId: 'p-017', sessionId: 's-1', changes: { durationMinutes: 15 * ((n % 8) + 1) }, reason: 'Fixed.' },
        at('2025-09-03'),
      );
    const provider = foldHistory<TimelineState>(timelineProjection, builder.events()).state.providers['p-017']!;
    expect(provider.events).toEqual([]);
    expect(provider.sessions?.ids).toEqual(['s-1']);
    expect(provider.sessions?.heldOn).toEqual(['2025-09-02']);
    expect(provider.sessions?.durationMinutes).toEqual([15 * ((50 % 8) + 1)]);
  });
});
