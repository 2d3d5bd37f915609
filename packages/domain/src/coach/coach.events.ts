import { EventOf } from '../shared/event-definition';
import { CoachQualificationRecorded } from './coach-qualification-recorded';
import { CoachQualificationVerified } from './coach-qualification-verified';
import { CoachRegistered } from './coach-registered';
import { ReflectiveConsultationAttended } from './reflective-consultation-attended';
import { ReflectiveConsultationSurveyCompleted } from './reflective-consultation-survey-completed';

export const coachEvents = [
  CoachRegistered,
  CoachQualificationRecorded,
  CoachQualificationVerified,
  ReflectiveConsultationAttended,
  ReflectiveConsultationSurveyCompleted,
] as const;

export type CoachEvent = EventOf<(typeof coachEvents)[number]>;
