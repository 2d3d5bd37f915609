import { CommandFor } from '../kernel/decider';
import { RecordCoachQualification } from './coach-qualification-recorded';
import { VerifyCoachQualification } from './coach-qualification-verified';
import { RegisterCoach } from './coach-registered';
import { ReviewCoachingSystem } from './coaching-system-reviewed';
import { AttendReflectiveConsultation } from './reflective-consultation-attended';
import { CompleteReflectiveConsultationSurvey } from './reflective-consultation-survey-completed';

/** The commands decided on a coach's stream; its decider takes exactly these. */
export const coachCommands = [
  RegisterCoach,
  RecordCoachQualification,
  VerifyCoachQualification,
  AttendReflectiveConsultation,
  CompleteReflectiveConsultationSurvey,
  ReviewCoachingSystem,
] as const;

/** Any command of a coach's stream, decoded, as its decider receives it. */
export type CoachCommand = CommandFor<(typeof coachCommands)[number]>;
