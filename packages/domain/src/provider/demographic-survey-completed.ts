import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { DocumentRef, Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `DemographicSurveyCompleted` event and of the `CompleteDemographicSurvey` command. */
export const DemographicSurveyCompletedData = struct(
  'DemographicSurveyCompletedData',
  { providerId: Id, completedOn: LocalDate },
  {
    /**
     * The answers as uploaded, by reference and hash, as the guide asks the survey's data be uploaded. The program
     * guide does not list the survey's questions, and the answers are the provider's personal data: they stay in the
     * document store, which can delete them, and never enter the event history or a view.
     */
    document: DocumentRef,
  },
);
/** `DemographicSurveyCompletedData` as decoded. */
export type DemographicSurveyCompletedData = t.TypeOf<typeof DemographicSurveyCompletedData>;

/**
 * The provider completed the demographic survey, part of the initial data (rule 3). Lives in the `provider` stream
 * named by its `providerId`.
 */
export const DemographicSurveyCompleted = defineEvent({
  type: 'DemographicSurveyCompleted',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'The provider completed the demographic survey, part of the initial data (rule 3).',
  data: DemographicSurveyCompletedData,
});

/**
 * Record, once, that the provider completed the demographic survey, with the uploaded answers' document if there is
 * one. Accepted, it records `DemographicSurveyCompleted`.
 */
export const CompleteDemographicSurvey = defineCommand({
  type: 'CompleteDemographicSurvey',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record, once, that the provider completed the demographic survey.',
  data: DemographicSurveyCompletedData,
  produces: ['DemographicSurveyCompleted'],
});
