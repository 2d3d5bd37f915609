import { CoachingSystemComponent } from './coaching-system-component-defined';
import { CommunityEvent } from './community.events';
import { ProgramYearSpan } from './program-years';

/** What a community's rules need to know of its history. */
export interface CommunityState {
  readonly registered: boolean;
  readonly programYears: ReadonlyArray<ProgramYearSpan>;
  readonly definedComponents: ReadonlySet<CoachingSystemComponent>;
  readonly coachingSystemApproved: boolean;
  readonly trainingIds: ReadonlySet<string>;
  /** heldOn of each Provider Collaboration Meeting, by meetingId. */
  readonly collaborationMeetings: ReadonlyMap<string, string>;
}

/** A community stream before anything is recorded on it. */
export const initialCommunityState: CommunityState = {
  registered: false,
  programYears: [],
  definedComponents: new Set(),
  coachingSystemApproved: false,
  trainingIds: new Set(),
  collaborationMeetings: new Map(),
};

/** Folds one recorded community event into the state; total, since a recorded event is a fact. */
export const evolveCommunity = (state: CommunityState, event: CommunityEvent): CommunityState => {
  switch (event.type) {
    case 'CommunityRegistered':
      return { ...state, registered: true };
    case 'ProgramYearStarted': {
      const { programYearId, startsOn, endsOn } = event.data;
      return { ...state, programYears: [...state.programYears, { programYearId, startsOn, endsOn }] };
    }
    case 'ImplementationPlanStepRecorded':
      // The plan is read by views; no rule of this stream depends on it.
      return state;
    case 'CoachingSystemComponentDefined':
      return { ...state, definedComponents: new Set(state.definedComponents).add(event.data.component) };
    case 'CoachingSystemApproved':
      return { ...state, coachingSystemApproved: true };
    case 'TrainingHeld':
      return { ...state, trainingIds: new Set(state.trainingIds).add(event.data.trainingId) };
    case 'ProviderCollaborationMeetingHeld':
      return {
        ...state,
        collaborationMeetings: new Map(state.collaborationMeetings).set(event.data.meetingId, event.data.heldOn),
      };
    case 'FocusGroupHeld':
      return state;
  }
};
