import { AgeGroup, SiteSetting } from './provider-enrolled';
import { ObservationInstrument } from './consent-uploaded';
import { ProviderEvent } from './provider.events';
import { SessionChanges } from './session-corrected';
import { SessionLoggedData } from './session-logged';

export interface Enrollment {
  readonly enrolledOn: string;
  readonly setting: SiteSetting;
  readonly agesServed: ReadonlyArray<AgeGroup>;
}

export interface ConsentRecord {
  readonly instrument: ObservationInstrument;
  readonly withdrawn: boolean;
}

export interface ObservationRecord {
  readonly instrument: ObservationInstrument;
  readonly scheduledFor: string;
  readonly observedOn?: string;
  readonly debriefed: boolean;
}

/** A logged session as it stands after its corrections. */
export interface SessionRecord {
  readonly session: SessionLoggedData;
  readonly voided: boolean;
}

export interface GoalRecord {
  /** The day the plan that set the goal was set. */
  readonly setOn: string;
  readonly achieved: boolean;
}

/** What a provider's rules need to know of the history. */
export interface ProviderState {
  readonly enrollment?: Enrollment;
  readonly coachId?: string;
  readonly demographicSurveyCompleted: boolean;
  /** The coachee's surveys about their coaching, by id. */
  readonly feedbackSurveys: ReadonlySet<string>;
  readonly consents: ReadonlyMap<string, ConsentRecord>;
  readonly observations: ReadonlyMap<string, ObservationRecord>;
  readonly benchmarksOfQuality: ReadonlySet<string>;
  readonly actionPlans: ReadonlySet<string>;
  readonly goals: ReadonlyMap<string, GoalRecord>;
  readonly sessions: ReadonlyMap<string, SessionRecord>;
  readonly exitedOn?: string;
  readonly transitionedToYear2: boolean;
}

/** A provider stream before anything is recorded on it. */
export const initialProviderState: ProviderState = {
  demographicSurveyCompleted: false,
  feedbackSurveys: new Set(),
  consents: new Map(),
  observations: new Map(),
  benchmarksOfQuality: new Set(),
  actionPlans: new Set(),
  goals: new Map(),
  sessions: new Map(),
  transitionedToYear2: false,
};

/** The coach whose caseload holds the provider now, if enrolled. */
export const currentCoachOf = (state: ProviderState): string | undefined => state.coachId;

/** True when a consent for `instrument` is uploaded and not withdrawn (rule 4). */
export const hasCurrentConsent = (state: ProviderState, instrument: ObservationInstrument): boolean =>
  [...state.consents.values()].some((consent) => consent.instrument === instrument && !consent.withdrawn);

/**
 * A session with its corrections applied; a correction names only the fields it changes. The
 * session ledger keeps fewer fields than the decider, so any part of a session is corrected alike.
 */
export const corrected = <S extends Partial<SessionLoggedData>>(session: S, changes: SessionChanges): S => ({
  ...session,
  ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
});

const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> => new Map(map).set(key, value);

const updated = <K, V>(map: ReadonlyMap<K, V>, key: K, change: (value: V) => V): ReadonlyMap<K, V> => {
  const current = map.get(key);
  // Events about what the stream never recorded cannot come from this decider; they change nothing.
  return current === undefined ? map : withEntry(map, key, change(current));
};

export const evolve = (state: ProviderState, event: ProviderEvent): ProviderState => {
  switch (event.type) {
    case 'ProviderEnrolled': {
      const { enrolledOn, site, agesServed, coachId } = event.data;
      return { ...state, enrollment: { enrolledOn, setting: site.setting, agesServed }, coachId };
    }
    case 'ProviderReassigned':
      return { ...state, coachId: event.data.toCoachId };
    case 'DemographicSurveyCompleted':
      return { ...state, demographicSurveyCompleted: true };
    case 'CoachingFeedbackGiven':
      return { ...state, feedbackSurveys: new Set(state.feedbackSurveys).add(event.data.surveyId) };
    case 'ConsentUploaded':
      return {
        ...state,
        consents: withEntry(state.consents, event.data.consentId, {
          instrument: event.data.instrument,
          withdrawn: false,
        }),
      };
    case 'ConsentWithdrawn':
      return {
        ...state,
        consents: updated(state.consents, event.data.consentId, (consent) => ({ ...consent, withdrawn: true })),
      };
    case 'ObservationScheduled':
      return {
        ...state,
        observations: withEntry(state.observations, event.data.observationId, {
          instrument: event.data.instrument,
          scheduledFor: event.data.scheduledFor,
          debriefed: false,
        }),
      };
    case 'ObservationCompleted':
      return {
        ...state,
        observations: updated(state.observations, event.data.observationId, (observation) => ({
          ...observation,
          observedOn: event.data.observedOn,
        })),
      };
    case 'DebriefHeld':
      return {
        ...state,
        observations: updated(state.observations, event.data.observationId, (observation) => ({
          ...observation,
          debriefed: true,
        })),
      };
    case 'BenchmarksOfQualityCompleted':
      return { ...state, benchmarksOfQuality: new Set(state.benchmarksOfQuality).add(event.data.boqId) };
    case 'ActionPlanSet': {
      const goals = new Map(state.goals);
      for (const goal of event.data.goals) goals.set(goal.goalId, { setOn: event.data.setOn, achieved: false });
      return { ...state, actionPlans: new Set(state.actionPlans).add(event.data.actionPlanId), goals };
    }
    case 'GoalAchieved':
      return { ...state, goals: updated(state.goals, event.data.goalId, (goal) => ({ ...goal, achieved: true })) };
    case 'SessionLogged':
      return {
        ...state,
        sessions: withEntry(state.sessions, event.data.sessionId, { session: event.data, voided: false }),
      };
    case 'SessionCorrected':
      return {
        ...state,
        sessions: updated(state.sessions, event.data.sessionId, (record) => ({
          ...record,
          session: corrected(record.session, event.data.changes),
        })),
      };
    case 'SessionVoided':
      return {
        ...state,
        sessions: updated(state.sessions, event.data.sessionId, (record) => ({ ...record, voided: true })),
      };
    case 'FeedbackSent':
      return state;
    case 'ProviderExited':
      return { ...state, exitedOn: event.data.on };
    case 'ProviderTransitionedToYear2':
      return { ...state, transitionedToYear2: true };
    default:
      // A type this version does not know changes nothing it decides on.
      return state;
  }
};
