import { CommandFor } from '../shared/decider';
import { RecordCoachQualification } from './coach-qualification-recorded';
import { VerifyCoachQualification } from './coach-qualification-verified';
import { RegisterCoach } from './coach-registered';
import { AttendReflectiveConsultation } from './reflective-consultation-attended';
import { CompleteReflectiveConsultationSurvey } from './reflective-consultation-survey-completed';

export const coachCommands = [
  RegisterCoach,
  RecordCoachQualification,
  VerifyCoachQualification,
  AttendReflectiveConsultation,
  CompleteReflectiveConsultationSurvey,
] as const;

export type CoachCommand = CommandFor<(typeof coachCommands)[number]>;
