import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, LocalDate } from '../shared/primitives';
import { struct } from '../shared/struct';

export const ReflectiveConsultationSurveyCompletedData = struct('ReflectiveConsultationSurveyCompletedData', {
  coachId: Id,
  completedOn: LocalDate,
});
export type ReflectiveConsultationSurveyCompletedData = t.TypeOf<typeof ReflectiveConsultationSurveyCompletedData>;

export const ReflectiveConsultationSurveyCompleted = defineEvent({
  type: 'ReflectiveConsultationSurveyCompleted',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'A coach completed the Reflective Consultation survey (due in December, rule 8).',
  data: ReflectiveConsultationSurveyCompletedData,
});

export const CompleteReflectiveConsultationSurvey = defineCommand({
  type: 'CompleteReflectiveConsultationSurvey',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Record that the coach completed the Reflective Consultation survey.',
  data: ReflectiveConsultationSurveyCompletedData,
  produces: ['ReflectiveConsultationSurveyCompleted'],
});
