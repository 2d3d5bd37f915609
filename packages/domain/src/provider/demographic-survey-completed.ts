import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, LocalDate } from '../shared/primitives';
import { struct } from '../shared/struct';

export const DemographicSurveyCompletedData = struct('DemographicSurveyCompletedData', {
  providerId: Id,
  completedOn: LocalDate,
});
export type DemographicSurveyCompletedData = t.TypeOf<typeof DemographicSurveyCompletedData>;

export const DemographicSurveyCompleted = defineEvent({
  type: 'DemographicSurveyCompleted',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'The provider completed the demographic survey, part of the initial data (rule 3).',
  data: DemographicSurveyCompletedData,
});

export const CompleteDemographicSurvey = defineCommand({
  type: 'CompleteDemographicSurvey',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record, once, that the provider completed the demographic survey.',
  data: DemographicSurveyCompletedData,
  produces: ['DemographicSurveyCompleted'],
});
