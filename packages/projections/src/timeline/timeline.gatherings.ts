import { RecordedEvent } from '@coachline/domain';
import { interned } from '../interned';
import { SubjectRef } from '../projection';
import {
  NextFacilitators,
  ProviderTimelineEntry,
  TimelineState,
  TrainingAttendance,
  TrainingAttended,
} from './timeline.view';

type TrainingHeld = Extract<RecordedEvent, { type: 'TrainingHeld' }>;
type MeetingHeld = Extract<RecordedEvent, { type: 'ProviderCollaborationMeetingHeld' }>;

const attendanceOf = (training: TrainingHeld['data'], providerId: string): TrainingAttendance => {
  const staff = (training.attendees.staff ?? []).filter((s) => s.providerId === providerId);
  return {
    provider: training.attendees.providerIds.includes(providerId),
    directors: staff.filter((s) => s.role === 'director').length,
    administrativeStaff: staff.filter((s) => s.role === 'administrative').length,
  };
};

/** The providers a training names: those who attended, and those whose site staff did. */
const providersAt = (training: TrainingHeld['data']): string[] => [
  ...new Set([...training.attendees.providerIds, ...(training.attendees.staff ?? []).map((s) => s.providerId)]),
];

/** Adds a training to each provider it names, once: a repeat of the event changes nothing. */
export const recordTrainingAttendance = (state: TimelineState, event: TrainingHeld): void => {
  const training = event.data;
  for (const providerId of providersAt(training)) {
    const provider: ProviderTimelineEntry = (state.providers[providerId] ??= { events: [] });
    const trainings = (provider.trainings ??= []);
    if (trainings.some((t) => t.trainingId === training.trainingId)) continue;
    const attended: TrainingAttended = {
      trainingId: training.trainingId,
      module: interned(training.module),
      heldOn: interned(training.heldOn),
      ...attendanceOf(training, providerId),
    };
    trainings.push(attended);
  }
};

/** The provider entries a training changes, for a runner that stores the state by subject. */
export const trainingSubjects = (event: RecordedEvent): SubjectRef[] =>
  event.type === 'TrainingHeld' ? providersAt(event.data).map((id): SubjectRef => ['providers', id]) : [];

/** Keeps the next facilitators a meeting names, once per meeting: a year holds at most twelve meetings. */
export const recordNextFacilitators = (state: TimelineState, event: MeetingHeld): void => {
  const { communityId, meetingId, heldOn, nextFacilitatorIds } = event.data;
  if (nextFacilitatorIds === undefined) return;
  const named = ((state.communities[communityId] ??= { events: [] }).nextFacilitators ??= []);
  if (!named.some((n) => n.meetingId === meetingId))
    named.push({ meetingId, heldOn, facilitatorIds: [...nextFacilitatorIds] });
};

/** Who will facilitate the next meeting: as named at the year's latest meeting that named anyone. */
export const nextFacilitatorsWithin = (
  named: ReadonlyArray<NextFacilitators> | undefined,
  year: { startsOn: string; endsOn: string },
): NextFacilitators | null => {
  let latest: NextFacilitators | null = null;
  for (const n of named ?? []) {
    if (n.heldOn < year.startsOn || n.heldOn > year.endsOn) continue;
    if (latest === null || n.heldOn > latest.heldOn || (n.heldOn === latest.heldOn && n.meetingId > latest.meetingId))
      latest = n;
  }
  return latest && { meetingId: latest.meetingId, heldOn: latest.heldOn, facilitatorIds: [...latest.facilitatorIds] };
};
