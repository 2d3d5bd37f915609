import { EventOf } from '../kernel/event-definition';
import { CoachQualificationRecorded } from './coach-qualification-recorded';
import { CoachQualificationVerified } from './coach-qualification-verified';
import { CoachRegistered } from './coach-registered';
import { CoachingSystemReviewed } from './coaching-system-reviewed';
import { ReflectiveConsultationAttended } from './reflective-consultation-attended';
import { ReflectiveConsultationSurveyCompleted } from './reflective-consultation-survey-completed';

/** The events recorded on a coach's stream. */
export const coachEvents = [
  CoachRegistered,
  CoachQualificationRecorded,
  CoachQualificationVerified,
  ReflectiveConsultationAttended,
  ReflectiveConsultationSurveyCompleted,
  CoachingSystemReviewed,
] as const;

/** Any event of a coach's stream, as its decider decides and folds it. */
export type CoachEvent = EventOf<(typeof coachEvents)[number]>;
