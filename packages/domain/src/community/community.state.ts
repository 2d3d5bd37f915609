import { CoachingSystemComponent } from './coaching-system-component-defined';
import { CommunityEvent } from './community.events';
import { ProgramYearSpan } from './program-years';

/** What a community's rules need to know of its history. */
export interface CommunityState {
  readonly registered: boolean;
  readonly programYears: ReadonlyArray<ProgramYearSpan>;
  readonly definedComponents: ReadonlySet<CoachingSystemComponent>;
  readonly coachingSystemApproved: boolean;
  /** The day the coaching system was approved, once it is. */
  readonly coachingSystemApprovedOn?: string;
  /** heldOn of each training, by trainingId. */
  readonly trainings: ReadonlyMap<string, string>;
  /** recordedOn of each checklist item's latest record, by item. */
  readonly checklistRecordedOn: ReadonlyMap<string, string>;
  /** heldOn of each Provider Collaboration Meeting, by meetingId. */
  readonly collaborationMeetings: ReadonlyMap<string, string>;
}

/** A community stream before anything is recorded on it. */
export const initialCommunityState: CommunityState = {
  registered: false,
  programYears: [],
  definedComponents: new Set(),
  coachingSystemApproved: false,
  trainings: new Map(),
  checklistRecordedOn: new Map(),
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
      return { ...state, coachingSystemApproved: true, coachingSystemApprovedOn: event.data.approvedOn };
    case 'TrainingHeld':
      return { ...state, trainings: new Map(state.trainings).set(event.data.trainingId, event.data.heldOn) };
    case 'ProviderCollaborationMeetingHeld':
      return {
        ...state,
        collaborationMeetings: new Map(state.collaborationMeetings).set(event.data.meetingId, event.data.heldOn),
      };
    case 'FocusGroupHeld':
      return state;
    case 'CoachingSystemShared':
      return state;
    case 'DistrictChecklistItemRecorded':
      return {
        ...state,
        checklistRecordedOn: new Map(state.checklistRecordedOn).set(event.data.item, event.data.recordedOn),
      };
    case 'TrainingFeedbackGiven':
      // Answers are anonymous and any number may come; no rule depends on those already given.
      return state;
  }
};
