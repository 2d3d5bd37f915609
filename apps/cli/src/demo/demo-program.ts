import {
  Actor,
  AgeGroup,
  AsqSe2AgeInterval,
  AsqSe2Zone,
  Cadence,
  ObservationInstrument,
  SiteSetting,
  VisitMode,
} from '@coachline/domain';
import { Day } from './demo-calendar';

/**
 * The cast and the plan of a demo program year, drawn once from the seed before any command
 * is issued. Instants (`…At`) are milliseconds since the epoch; dates are `Day`s.
 */

export interface DemoCommunity {
  readonly communityId: string;
  readonly name: string;
  readonly programYearId: string;
  readonly startsOn: Day;
  readonly endsOn: Day;
  readonly admin: Actor;
  readonly evaluator: Actor;
  /** The executive who approves the coaching system; leadership records nothing itself. */
  readonly leadershipId: string;
}

export interface DemoCoach {
  readonly coachId: string;
  readonly name: string;
  readonly role: 'coach' | 'coach-lead';
  readonly actor: Actor;
  readonly supervisor: Actor;
  /** Coaches train, meet and attend Reflective Consultation in cohorts of a few. */
  readonly cohort: number;
  readonly qualifications: ReadonlyArray<{ readonly qualificationId: string; readonly credential: string }>;
}

export interface DemoSite {
  readonly siteId: string;
  readonly name: string;
  readonly setting: SiteSetting;
}

export interface ObservationPlan {
  readonly consentId: string;
  readonly instrument: ObservationInstrument;
  readonly signedOn: Day;
  readonly uploadAt: number;
  readonly observationId: string;
  readonly observer: Actor;
  readonly scheduleAt: number;
  readonly scheduledFor: Day;
  readonly observedOn: Day;
  readonly completeAt: number;
  readonly debriefOn: Day;
  readonly debriefAt: number;
  /** Set for the few providers who withdraw their evaluation consent in the spring. */
  readonly withdrawnOn?: Day;
}

export interface GoalPlan {
  readonly goalId: string;
  readonly practice: string;
  readonly description: string;
  readonly achievedOn?: Day;
}

export interface ActionPlanPlan {
  readonly actionPlanId: string;
  readonly setOn: Day;
  readonly goals: ReadonlyArray<GoalPlan>;
  readonly steps: ReadonlyArray<string>;
}

export interface ScreeningPlan {
  readonly screeningId: string;
  readonly childRef: string;
  readonly ageIntervalMonths: AsqSe2AgeInterval;
  readonly distributedOn: Day;
  readonly distributeAt: number;
  readonly scoredOn: Day;
  readonly scoreAt: number;
  readonly score: number;
  readonly zone: AsqSe2Zone;
  readonly followUp?: { readonly on: Day; readonly at: number; readonly action: string };
  /** Set on the one screening whose family asks for the child's data to be erased. */
  readonly erasedOn?: Day;
}

export interface AgreementPlan {
  readonly agreementId: string;
  readonly draftOn: Day;
  readonly supervisorSignsOn: Day;
  readonly coacheeSignsOn: Day;
  readonly practices: [string, ...string[]];
  readonly visitMode: VisitMode;
  readonly estimatedCycles: number;
  readonly cadence: Cadence;
  /** The days cycles 1, 2, … are completed, already capped by the estimate and any exit. */
  readonly cycleDays: ReadonlyArray<Day>;
  readonly concern?: { readonly at: number; readonly raisedBy: 'coach' | 'coachee' };
  readonly end?: { readonly on: Day; readonly reason: string };
}

export type Engagement = 'steady' | 'variable' | 'struggling';

/** A session the agreement's cycles may point to, kept only while it can still be referenced. */
export interface SessionTrace {
  readonly sessionId: string;
  readonly heldOn: Day;
  readonly loggedAt: number;
}

export interface DemoProvider {
  readonly providerId: string;
  readonly name: string;
  readonly site: DemoSite;
  readonly agesServed: [AgeGroup, ...AgeGroup[]];
  readonly actor: Actor;
  readonly coachId: string;
  readonly enrolledOn: Day;
  readonly enrollAt: number;
  readonly engagement: Engagement;
  readonly surveyOn: Day;
  readonly boqOn: Day;
  readonly observation?: ObservationPlan;
  readonly actionPlans: ReadonlyArray<ActionPlanPlan>;
  readonly screenings: ReadonlyArray<ScreeningPlan>;
  readonly agreement?: AgreementPlan;
  readonly reassignment?: { readonly on: Day; readonly toCoachId: string };
  readonly exit?: { readonly on: Day; readonly at: number; readonly reason: string };
  readonly transitionOn?: Day;
  /** Sessions of the last weeks, for the agreement's cycles to reference; pruned month by month. */
  readonly recentSessions: SessionTrace[];
}

export interface DemoProgram {
  readonly community: DemoCommunity;
  readonly coaches: ReadonlyArray<DemoCoach>;
  readonly providers: ReadonlyArray<DemoProvider>;
}

/** The coach whose caseload holds the provider on `day`. */
export const coachOn = (provider: DemoProvider, day: Day): string =>
  provider.reassignment && day >= provider.reassignment.on ? provider.reassignment.toCoachId : provider.coachId;

/** True when the provider is enrolled and has not left on `day`. */
export const isActiveOn = (provider: DemoProvider, day: Day): boolean =>
  day >= provider.enrolledOn && (provider.exit === undefined || day <= provider.exit.on);

/** Provider acts other than logging, correcting and voiding sessions must come before the exit is recorded. */
export const beforeExit = (provider: DemoProvider, at: number): boolean =>
  provider.exit === undefined || at < provider.exit.at;
