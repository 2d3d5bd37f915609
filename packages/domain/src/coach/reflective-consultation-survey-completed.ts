import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/**
 * The data of the `ReflectiveConsultationSurveyCompleted` event and of the `CompleteReflectiveConsultationSurvey`
 * command.
 */
export const ReflectiveConsultationSurveyCompletedData = struct('ReflectiveConsultationSurveyCompletedData', {
  coachId: Id,
  completedOn: LocalDate,
});
/** `ReflectiveConsultationSurveyCompletedData` as decoded. */
export type ReflectiveConsultationSurveyCompletedData = t.TypeOf<typeof ReflectiveConsultationSurveyCompletedData>;

/**
 * A coach completed the Reflective Consultation survey (due in December, rule 8). Lives in the `coach` stream
 * named by its `coachId`.
 */
export const ReflectiveConsultationSurveyCompleted = defineEvent({
  type: 'ReflectiveConsultationSurveyCompleted',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'A coach completed the Reflective Consultation survey (due in December, rule 8).',
  data: ReflectiveConsultationSurveyCompletedData,
});

/**
 * Record that the coach completed the Reflective Consultation survey. Accepted, it records
 * `ReflectiveConsultationSurveyCompleted`.
 */
export const CompleteReflectiveConsultationSurvey = defineCommand({
  type: 'CompleteReflectiveConsultationSurvey',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Record that the coach completed the Reflective Consultation survey.',
  data: ReflectiveConsultationSurveyCompletedData,
  produces: ['ReflectiveConsultationSurveyCompleted'],
});
