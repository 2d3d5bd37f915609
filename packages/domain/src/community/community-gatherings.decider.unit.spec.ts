import { command, deciderSpec } from '../testing';
import { CommunityCommand } from './community.commands';
import { communityDecider } from './community.decider';
import { CommunityEvent } from './community.events';
import { TrainingHeldData } from './training-held';

const spec = deciderSpec(communityDecider);

const registered: CommunityEvent = {
  type: 'CommunityRegistered',
  data: { communityId: 'kent', name: 'Kent County', kind: 'county' },
};
const year1: CommunityEvent = {
  type: 'ProgramYearStarted',
  data: {
    communityId: 'kent',
    programYearId: 'py-2025',
    guideId: 'rir-year-1',
    startsOn: '2025-07-01',
    endsOn: '2026-06-30',
  },
};
const year2: CommunityEvent = {
  type: 'ProgramYearStarted',
  data: {
    communityId: 'kent',
    programYearId: 'py-2026',
    guideId: 'rir-year-1',
    startsOn: '2026-07-01',
    endsOn: '2027-06-30',
  },
};

const training: TrainingHeldData = {
  communityId: 'kent',
  trainingId: 't-1a',
  module: 'module-1a',
  heldOn: '2025-09-18',
  attendees: { providerIds: ['p-017'], coachIds: ['c-03'] },
};

const meeting = {
  communityId: 'kent',
  meetingId: 'pcm-1',
  heldOn: '2025-08-21',
  facilitatorIds: ['c-03'],
  attendeeIds: ['p-017', 'p-018'],
  topic: 'Visual schedules',
  nextTopic: 'Transitions',
};
const meetingHeld = (n: number, heldOn: string): CommunityEvent => ({
  type: 'ProviderCollaborationMeetingHeld',
  data: { ...meeting, meetingId: `pcm-${n}`, heldOn },
});
/** Twelve meetings in year 1, one a month from July 2025 to June 2026. */
const twelveMeetings = Array.from({ length: 12 }, (_, i) => {
  const month = ((6 + i) % 12) + 1;
  const year = i < 6 ? 2025 : 2026;
  return meetingHeld(i + 1, `${year}-${String(month).padStart(2, '0')}-15`);
});

describe('community decider: trainings, meetings and focus groups', () => {
  describe('RecordTraining', () => {
    const record = (data: Partial<TrainingHeldData> = {}) =>
      command<CommunityCommand>('RecordTraining', { ...training, ...data });
    it('records a training held within a program year', () =>
      spec
        .given([registered, year1])
        .when(record())
        .then([{ type: 'TrainingHeld', data: training }]));
    it('records a training attended by coaches only', () => {
      const attendees = { providerIds: [], coachIds: ['c-03'] };
      spec
        .given([registered, year1])
        .when(record({ attendees }))
        .then([{ type: 'TrainingHeld', data: { ...training, attendees } }]);
    });
    it('records a training on the last day of the year', () =>
      spec
        .given([registered, year1])
        .when(record({ heldOn: '2026-06-30' }))
        .then([{ type: 'TrainingHeld', data: { ...training, heldOn: '2026-06-30' } }]));
    it('refuses a community never registered', () =>
      spec.given([]).when(record()).thenFails('community-not-registered', ['data.communityId']));
    it('refuses a training id already recorded', () =>
      spec
        .given([registered, year1, { type: 'TrainingHeld', data: training }])
        .when(record({ module: 'module-1b' }))
        .thenFails('training-already-recorded', ['data.trainingId']));
    it('records the site directors and administrative staff at the Director Training', () => {
      const attendees = {
        providerIds: [],
        coachIds: ['c-03'],
        staff: [
          { providerId: 'p-017', role: 'director' as const },
          { providerId: 'p-017', role: 'administrative' as const },
        ],
      };
      spec
        .given([registered, year1])
        .when(record({ module: 'director-training', heldOn: '2025-07-22', attendees }))
        .then([
          { type: 'TrainingHeld', data: { ...training, module: 'director-training', heldOn: '2025-07-22', attendees } },
        ]);
    });
    it('records a Director Training attended by site staff only', () => {
      const attendees = { providerIds: [], coachIds: [], staff: [{ providerId: 'p-018', role: 'director' as const }] };
      spec
        .given([registered, year1])
        .when(record({ module: 'director-training', attendees }))
        .then([{ type: 'TrainingHeld', data: { ...training, module: 'director-training', attendees } }]);
    });
    it('refuses site staff as attendees of a module training', () =>
      spec
        .given([registered, year1])
        .when(record({ attendees: { ...training.attendees, staff: [{ providerId: 'p-017', role: 'director' }] } }))
        .thenFails('staff-at-director-training-only', ['data.attendees.staff']));
    it('refuses a training nobody attended', () =>
      spec
        .given([registered, year1])
        .when(record({ attendees: { providerIds: [], coachIds: [] } }))
        .thenFails('training-without-attendees', ['data.attendees']));
    it('refuses a training before any program year', () =>
      spec.given([registered]).when(record()).thenFails('outside-program-year', ['data.heldOn']));
    it('refuses a training after the program year ended', () =>
      spec
        .given([registered, year1])
        .when(record({ heldOn: '2026-07-01' }))
        .thenFails('outside-program-year', ['data.heldOn']));
  });

  describe('RecordProviderCollaborationMeeting', () => {
    const record = (data: Partial<typeof meeting> = {}) =>
      command<CommunityCommand>('RecordProviderCollaborationMeeting', { ...meeting, ...data });
    it('records a meeting held within a program year', () =>
      spec
        .given([registered, year1])
        .when(record())
        .then([{ type: 'ProviderCollaborationMeetingHeld', data: meeting }]));
    it('records who will facilitate the next meeting', () => {
      const named = { ...meeting, nextFacilitatorIds: ['c-04'] };
      spec
        .given([registered, year1])
        .when(record(named))
        .then([{ type: 'ProviderCollaborationMeetingHeld', data: named }]);
    });
    it('records a twelfth meeting in the year', () =>
      spec
        .given([registered, year1, ...twelveMeetings.slice(0, 11)])
        .when(record({ meetingId: 'pcm-12', heldOn: '2026-06-20' }))
        .then([
          { type: 'ProviderCollaborationMeetingHeld', data: { ...meeting, meetingId: 'pcm-12', heldOn: '2026-06-20' } },
        ]));
    it('counts meetings per program year: the next year starts again', () =>
      spec
        .given([registered, year1, year2, ...twelveMeetings])
        .when(record({ meetingId: 'pcm-13', heldOn: '2026-08-20' }))
        .then([
          { type: 'ProviderCollaborationMeetingHeld', data: { ...meeting, meetingId: 'pcm-13', heldOn: '2026-08-20' } },
        ]));
    it('refuses a community never registered', () =>
      spec.given([]).when(record()).thenFails('community-not-registered', ['data.communityId']));
    it('refuses a meeting id already recorded', () =>
      spec
        .given([registered, year1, meetingHeld(1, '2025-08-21')])
        .when(record({ heldOn: '2025-09-21' }))
        .thenFails('collaboration-meeting-already-recorded', ['data.meetingId']));
    it('refuses a meeting outside every program year', () =>
      spec
        .given([registered, year1])
        .when(record({ heldOn: '2025-06-30' }))
        .thenFails('outside-program-year', ['data.heldOn']));
    it('refuses a thirteenth meeting in the year', () =>
      spec
        .given([registered, year1, ...twelveMeetings])
        .when(record({ meetingId: 'pcm-13', heldOn: '2026-06-29' }))
        .thenFails('too-many-collaboration-meetings', ['data.heldOn']));
  });

  describe('RecordFocusGroup', () => {
    const data = { communityId: 'kent', heldOn: '2026-05-12' };
    const record = command<CommunityCommand>('RecordFocusGroup', data);
    it('records the focus group', () =>
      spec
        .given([registered, year1])
        .when(record)
        .then([{ type: 'FocusGroupHeld', data }]));
    it('refuses a community never registered', () =>
      spec.given([]).when(record).thenFails('community-not-registered', ['data.communityId']));
  });
});
