import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, enrollment } from '../testing';
import { kentProgram } from '../testing/fixtures';
import { timelineProjection } from './timeline.projection';
import { TimelineView } from './timeline.view';

const timeline = (events: ReadonlyArray<RecordedEvent>, asOf = at('2026-07-01')): TimelineView =>
  viewOf<TimelineView>(timelineProjection, events, { asOf });

const meeting = (meetingId: string, heldOn: string, nextFacilitatorIds?: [string, ...string[]]) => ({
  communityId: 'kent',
  meetingId,
  heldOn,
  facilitatorIds: ['c-03'] as [string, ...string[]],
  attendeeIds: ['p-017'],
  topic: 'Visual schedules',
  ...(nextFacilitatorIds ? { nextFacilitatorIds } : {}),
});

const year = () =>
  kentProgram()
    .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
    .add('ProviderEnrolled', enrollment('p-018', '2025-07-01'), at('2025-07-01'))
    .add(
      'TrainingHeld',
      {
        communityId: 'kent',
        trainingId: 't-dir',
        module: 'director-training',
        heldOn: '2025-07-22',
        attendees: {
          providerIds: [],
          coachIds: ['c-03'],
          staff: [
            { providerId: 'p-017', role: 'director' },
            { providerId: 'p-017', role: 'administrative' },
            { providerId: 'p-017', role: 'administrative' },
          ],
        },
      },
      at('2025-07-22'),
    )
    .add(
      'TrainingHeld',
      {
        communityId: 'kent',
        trainingId: 't-1a',
        module: 'module-1a',
        heldOn: '2025-09-18',
        attendees: { providerIds: ['p-017', 'p-018'], coachIds: ['c-03'] },
      },
      at('2025-09-18'),
    )
    .add('ProviderCollaborationMeetingHeld', meeting('m-1', '2025-08-21', ['c-03']), at('2025-08-21'))
    .add('ProviderCollaborationMeetingHeld', meeting('m-2', '2025-10-16', ['c-04', 'c-03']), at('2025-10-16'))
    .add('ProviderCollaborationMeetingHeld', meeting('m-3', '2025-11-20'), at('2025-11-20'));

describe('the timeline: training attendance and the next meeting’s facilitators', () => {
  it('lists the trainings each provider, or its site’s directors and administrative staff, attended', () => {
    const view = timeline(year().events());
    expect(view.providers.map((p) => [p.providerId, p.trainings])).toEqual([
      [
        'p-017',
        [
          {
            trainingId: 't-dir',
            module: 'director-training',
            heldOn: '2025-07-22',
            provider: false,
            directors: 1,
            administrativeStaff: 2,
          },
          {
            trainingId: 't-1a',
            module: 'module-1a',
            heldOn: '2025-09-18',
            provider: true,
            directors: 0,
            administrativeStaff: 0,
          },
        ],
      ],
      [
        'p-018',
        [
          {
            trainingId: 't-1a',
            module: 'module-1a',
            heldOn: '2025-09-18',
            provider: true,
            directors: 0,
            administrativeStaff: 0,
          },
        ],
      ],
    ]);
    expect(timelineProjection.viewCodec.is(view)).toBe(true);
  });

  it('shows a training once, however often its event is delivered, and none before it is recorded', () => {
    const events = year().events();
    const training = events.find((e) => e.type === 'TrainingHeld')!;
    const p017 = (view: TimelineView) => view.providers.find((p) => p.providerId === 'p-017')!.trainings;
    expect(p017(timeline([...events, training]))).toHaveLength(2);
    expect(p017(timeline(events, at('2025-08-01'))).map((t) => t.trainingId)).toEqual(['t-dir']);
  });

  it('names the next meeting’s facilitators as the year’s latest meeting naming them recorded it', () => {
    const years = (asOf: string) => timeline(year().events(), asOf).communities[0]!.programYears;
    expect(years(at('2025-08-01'))[0]!.nextFacilitators).toBeNull();
    expect(years(at('2025-09-01'))[0]!.nextFacilitators).toEqual({
      meetingId: 'm-1',
      heldOn: '2025-08-21',
      facilitatorIds: ['c-03'],
    });
    // A later meeting that names nobody leaves the last named facilitators standing.
    expect(years(at('2025-12-01'))[0]!.nextFacilitators).toEqual({
      meetingId: 'm-2',
      heldOn: '2025-10-16',
      facilitatorIds: ['c-04', 'c-03'],
    });
  });

  it('keeps a meeting’s facilitators within its own program year', () => {
    const events = year()
      .add(
        'ProgramYearStarted',
        {
          communityId: 'kent',
          programYearId: 'py-2026',
          guideId: 'rir-year-1',
          startsOn: '2026-07-01',
          endsOn: '2027-06-30',
        },
        at('2026-06-01'),
      )
      .events();
    const years = timeline(events).communities[0]!.programYears;
    expect(years.map((y) => [y.programYearId, y.nextFacilitators?.meetingId ?? null])).toEqual([
      ['py-2025', 'm-2'],
      ['py-2026', null],
    ]);
  });
});
