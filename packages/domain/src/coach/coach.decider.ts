import * as E from 'fp-ts/Either';
import { accept, Decider, refuse } from '../kernel/decider';
import { conflict, DomainError, notFound, ruleBroken } from '../kernel/domain-error';
import { CoachCommand } from './coach.commands';
import { CoachEvent } from './coach.events';

/** What a coach's rules need to know of the history. */
export interface CoachState {
  readonly registered: boolean;
  readonly qualifications: ReadonlyMap<string, { readonly credential: string; readonly verified: boolean }>;
  readonly consultationMonths: ReadonlySet<string>;
  readonly surveyCompleted: boolean;
  /** The communities whose coaching system this coach has reviewed. */
  readonly reviewedSystems: ReadonlySet<string>;
}

/** A coach stream before anything is recorded on it. */
export const initialCoachState: CoachState = {
  registered: false,
  qualifications: new Map(),
  consultationMonths: new Set(),
  surveyCompleted: false,
  reviewedSystems: new Set(),
};

const mustBeRegistered = (state: CoachState): E.Either<DomainError, void> =>
  state.registered
    ? E.right(undefined)
    : refuse(
        notFound('coach-not-registered', 'This coach is not registered.', [
          { path: 'data.coachId', message: 'no such coach' },
        ]),
      );

const decideFor = (command: CoachCommand, state: CoachState): E.Either<DomainError, ReadonlyArray<CoachEvent>> => {
  switch (command.type) {
    case 'RegisterCoach':
      return state.registered
        ? refuse(
            conflict('coach-already-registered', 'This coach is already registered.', [
              { path: 'data.coachId', message: 'already registered' },
            ]),
          )
        : accept({ type: 'CoachRegistered', data: command.data });
    case 'RecordCoachQualification':
      return state.qualifications.has(command.data.qualificationId)
        ? refuse(
            ruleBroken(
              'qualification-already-recorded',
              'This qualification is already recorded.',
              'data.qualificationId',
            ),
          )
        : accept({ type: 'CoachQualificationRecorded', data: command.data });
    case 'VerifyCoachQualification': {
      const qualification = state.qualifications.get(command.data.qualificationId);
      if (!qualification)
        return refuse(
          ruleBroken(
            'qualification-not-recorded',
            'Only a recorded qualification can be verified.',
            'data.qualificationId',
          ),
        );
      if (qualification.verified)
        return refuse(
          ruleBroken(
            'qualification-already-verified',
            'This qualification is already verified.',
            'data.qualificationId',
          ),
        );
      if (qualification.credential !== command.data.credential)
        return refuse(
          ruleBroken(
            'credential-mismatch',
            `The recorded credential is "${qualification.credential}".`,
            'data.credential',
          ),
        );
      return accept({ type: 'CoachQualificationVerified', data: command.data });
    }
    case 'AttendReflectiveConsultation':
      if (!command.data.heldOn.startsWith(command.data.month))
        return refuse(
          ruleBroken(
            'consultation-outside-month',
            'Reflective Consultation is held within the month it counts for.',
            'data.heldOn',
          ),
        );
      if (state.consultationMonths.has(command.data.month))
        return refuse(
          ruleBroken(
            'consultation-already-recorded',
            'This month’s Reflective Consultation is already recorded.',
            'data.month',
          ),
        );
      return accept({ type: 'ReflectiveConsultationAttended', data: command.data });
    case 'CompleteReflectiveConsultationSurvey':
      return state.surveyCompleted
        ? refuse(
            ruleBroken(
              'survey-already-completed',
              'The Reflective Consultation survey is already completed.',
              'data.coachId',
            ),
          )
        : accept({ type: 'ReflectiveConsultationSurveyCompleted', data: command.data });
    case 'ReviewCoachingSystem':
      // Whether the system is approved is the community's to say, checked before this decider runs.
      return state.reviewedSystems.has(command.data.communityId)
        ? refuse(
            ruleBroken(
              'coaching-system-already-reviewed',
              'This coach has already reviewed this community’s coaching system.',
              'data.communityId',
            ),
          )
        : accept({ type: 'CoachingSystemReviewed', data: command.data });
  }
};

const evolve = (state: CoachState, event: CoachEvent): CoachState => {
  switch (event.type) {
    case 'CoachRegistered':
      return { ...state, registered: true };
    case 'CoachQualificationRecorded':
      return {
        ...state,
        qualifications: new Map(state.qualifications).set(event.data.qualificationId, {
          credential: event.data.credential,
          verified: false,
        }),
      };
    case 'CoachQualificationVerified':
      return {
        ...state,
        qualifications: new Map(state.qualifications).set(event.data.qualificationId, {
          credential: event.data.credential,
          verified: true,
        }),
      };
    case 'ReflectiveConsultationAttended':
      return { ...state, consultationMonths: new Set(state.consultationMonths).add(event.data.month) };
    case 'ReflectiveConsultationSurveyCompleted':
      return { ...state, surveyCompleted: true };
    case 'CoachingSystemReviewed':
      return { ...state, reviewedSystems: new Set(state.reviewedSystems).add(event.data.communityId) };
  }
};

/**
 * The rules of a coach's stream: registration, qualifications, Reflective Consultation and the review of a
 * community's coaching system.
 */
export const coachDecider: Decider<CoachCommand, CoachEvent, CoachState> = {
  initialState: initialCoachState,
  evolve,
  decide: (command, state) =>
    command.type === 'RegisterCoach'
      ? decideFor(command, state)
      : E.flatMap(mustBeRegistered(state), () => decideFor(command, state)),
};
