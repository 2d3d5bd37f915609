import * as E from 'fp-ts/Either';
import * as O from 'fp-ts/Option';
import { findGuide } from '../guides/guide-registry';
import { accept, CommandFor, refuse } from '../kernel/decider';
import { conflict, DomainError, notFound, ruleBroken } from '../kernel/domain-error';
import { ApproveCoachingSystem } from './coaching-system-approved';
import { CoachingSystemComponent } from './coaching-system-component-defined';
import { CommunityCommand } from './community.commands';
import { CommunityEvent } from './community.events';
import { CommunityState } from './community.state';
import {
  daysCovered,
  MAX_PROGRAM_YEAR_DAYS,
  programYearContaining,
  programYearContains,
  programYearsOverlap,
  ProgramYearSpan,
} from './program-years';
import { StartProgramYear } from './program-year-started';
import { RecordProviderCollaborationMeeting } from './provider-collaboration-meeting-held';
import { RecordTraining } from './training-held';
import { giveTrainingFeedback, recordChecklistItem, shareCoachingSystem } from './coaching-system.decide';

type Decision = E.Either<DomainError, ReadonlyArray<CommunityEvent>>;

/** Rule 7: 6 to 12 Provider Collaboration Meetings in the year. */
export const MAX_COLLABORATION_MEETINGS_PER_YEAR = 12;

const outsideProgramYear = (heldOn: string): DomainError =>
  ruleBroken('outside-program-year', `No program year of this community contains ${heldOn}.`, 'data.heldOn');

const startProgramYear = (command: CommandFor<typeof StartProgramYear>, state: CommunityState): Decision => {
  const year = command.data;
  // A community picks its guide per program year; the guide must be one Coachline knows.
  if (O.isNone(findGuide(year.guideId)))
    return refuse(ruleBroken('unknown-guide', `No program guide is called "${year.guideId}".`, 'data.guideId'));
  if (year.endsOn <= year.startsOn)
    return refuse(
      ruleBroken('program-year-ends-before-start', 'A program year ends after the day it starts.', 'data.endsOn'),
    );
  if (daysCovered(year.startsOn, year.endsOn) > MAX_PROGRAM_YEAR_DAYS)
    return refuse(
      ruleBroken('program-year-too-long', `A program year lasts at most ${MAX_PROGRAM_YEAR_DAYS} days.`, 'data.endsOn'),
    );
  if (state.programYears.some((started) => started.programYearId === year.programYearId))
    return refuse(
      ruleBroken('program-year-already-started', 'This program year is already started.', 'data.programYearId'),
    );
  const overlapping = state.programYears.find((started) => programYearsOverlap(started, year));
  if (overlapping)
    return refuse(
      ruleBroken(
        'program-years-overlap',
        `Program year ${overlapping.programYearId} already runs from ${overlapping.startsOn} to ${overlapping.endsOn}.`,
        'data.startsOn',
      ),
    );
  return accept({ type: 'ProgramYearStarted', data: year });
};

const missingComponents = (state: CommunityState): CoachingSystemComponent[] =>
  CoachingSystemComponent.values.filter((component) => !state.definedComponents.has(component));

const approveCoachingSystem = (command: CommandFor<typeof ApproveCoachingSystem>, state: CommunityState): Decision => {
  if (state.coachingSystemApproved)
    return refuse(
      ruleBroken('coaching-system-already-approved', 'The coaching system is already approved.', 'data.communityId'),
    );
  const missing = missingComponents(state);
  if (missing.length > 0)
    return refuse(
      ruleBroken(
        'coaching-system-incomplete',
        `The coaching system still lacks: ${missing.join(', ')}.`,
        'data.communityId',
      ),
    );
  return accept({ type: 'CoachingSystemApproved', data: command.data });
};

const recordTraining = (command: CommandFor<typeof RecordTraining>, state: CommunityState): Decision => {
  const training = command.data;
  if (state.trainings.has(training.trainingId))
    return refuse(ruleBroken('training-already-recorded', 'This training is already recorded.', 'data.trainingId'));
  const staff = training.attendees.staff ?? [];
  if (training.attendees.providerIds.length + training.attendees.coachIds.length + staff.length === 0)
    return refuse(
      ruleBroken(
        'training-without-attendees',
        'A training has at least one provider, coach or site staff member attending.',
        'data.attendees',
      ),
    );
  // The guide trains site directors and administrative staff at the Director Training; the modules train providers.
  if (staff.length > 0 && training.module !== 'director-training')
    return refuse(
      ruleBroken(
        'staff-at-director-training-only',
        'Site directors and administrative staff are recorded as attendees of the Director Training only.',
        'data.attendees.staff',
      ),
    );
  if (!programYearContaining(state.programYears, training.heldOn)) return refuse(outsideProgramYear(training.heldOn));
  return accept({ type: 'TrainingHeld', data: training });
};

const meetingsWithin = (state: CommunityState, year: ProgramYearSpan): number =>
  [...state.collaborationMeetings.values()].filter((heldOn) => programYearContains(year, heldOn)).length;

const recordCollaborationMeeting = (
  command: CommandFor<typeof RecordProviderCollaborationMeeting>,
  state: CommunityState,
): Decision => {
  const meeting = command.data;
  if (state.collaborationMeetings.has(meeting.meetingId))
    return refuse(
      ruleBroken(
        'collaboration-meeting-already-recorded',
        'This Provider Collaboration Meeting is already recorded.',
        'data.meetingId',
      ),
    );
  const year = programYearContaining(state.programYears, meeting.heldOn);
  if (!year) return refuse(outsideProgramYear(meeting.heldOn));
  if (meetingsWithin(state, year) >= MAX_COLLABORATION_MEETINGS_PER_YEAR)
    return refuse(
      ruleBroken(
        'too-many-collaboration-meetings',
        `Program year ${year.programYearId} already holds ${MAX_COLLABORATION_MEETINGS_PER_YEAR} Provider Collaboration Meetings.`,
        'data.heldOn',
      ),
    );
  return accept({ type: 'ProviderCollaborationMeetingHeld', data: meeting });
};

const decideRegistered = (command: CommunityCommand, state: CommunityState): Decision => {
  switch (command.type) {
    case 'RegisterCommunity':
      return refuse(
        conflict('community-already-registered', 'This community is already registered.', [
          { path: 'data.communityId', message: 'already registered' },
        ]),
      );
    case 'StartProgramYear':
      return startProgramYear(command, state);
    case 'RecordImplementationPlanStep':
      return accept({ type: 'ImplementationPlanStepRecorded', data: command.data });
    case 'DefineCoachingSystemComponent':
      return state.coachingSystemApproved
        ? refuse(
            ruleBroken(
              'coaching-system-approved',
              'An approved coaching system can no longer be changed.',
              'data.component',
            ),
          )
        : accept({ type: 'CoachingSystemComponentDefined', data: command.data });
    case 'ApproveCoachingSystem':
      return approveCoachingSystem(command, state);
    case 'RecordTraining':
      return recordTraining(command, state);
    case 'RecordProviderCollaborationMeeting':
      return recordCollaborationMeeting(command, state);
    case 'RecordFocusGroup':
      return accept({ type: 'FocusGroupHeld', data: command.data });
    case 'ShareCoachingSystem':
      return shareCoachingSystem(command, state);
    case 'RecordDistrictChecklistItem':
      return recordChecklistItem(command, state);
    case 'GiveTrainingFeedback':
      return giveTrainingFeedback(command, state);
  }
};

/** Accepts or refuses a community command against the state its history folds to. */
export const decideCommunity = (command: CommunityCommand, state: CommunityState): Decision => {
  if (state.registered) return decideRegistered(command, state);
  if (command.type === 'RegisterCommunity') return accept({ type: 'CommunityRegistered', data: command.data });
  return refuse(
    notFound('community-not-registered', 'This community is not registered.', [
      { path: 'data.communityId', message: 'no such community' },
    ]),
  );
};
