import { copyTable, emptyTable, plainOf, RecordedEvent, Text } from '@coachline/domain';
import { Projection } from '../projection';
import { namedIn } from '../subjects';
import { evaluationTable, renderEvaluation } from './evaluation.render';
import { interned } from '../interned';
import {
  ConsentEntry,
  EvaluationState,
  EvaluationView,
  ObservationEntry,
  ProviderEvaluationLedger,
  ScreeningEntry,
} from './evaluation.view';

const providerOf = (state: EvaluationState, providerId: string): ProviderEvaluationLedger =>
  (state.providers[providerId] ??= { consents: emptyTable(), observations: emptyTable(), benchmarks: emptyTable() });

/**
 * Entries are made with every field they may come to hold, unset: filled in later, an entry keeps
 * its one shape instead of growing a store of extra fields. Unset fields are left out of JSON.
 */
const screeningOf = (state: EvaluationState, screeningId: string): ScreeningEntry =>
  (state.screenings[screeningId] ??= {
    providerId: undefined,
    childRef: undefined,
    ageIntervalMonths: undefined,
    distributedOn: undefined,
    scoredOn: undefined,
    score: undefined,
    zone: undefined,
    followUps: [],
  });

const consentOf = (provider: ProviderEvaluationLedger, consentId: string): ConsentEntry =>
  (provider.consents[consentId] ??= { instrument: undefined, signedOn: undefined, withdrawnOn: undefined });

const observationOf = (provider: ProviderEvaluationLedger, observationId: string): ObservationEntry =>
  (provider.observations[observationId] ??= {
    instrument: undefined,
    scheduledFor: undefined,
    observerId: undefined,
    observedOn: undefined,
    scores: undefined,
  });

/** Forgets what a screening said about its child: the key is destroyed, the events stay unreadable (rule 11). */
const erase = (screening: ScreeningEntry): void => {
  screening.erased = true;
  delete screening.childRef;
  delete screening.ageIntervalMonths;
  delete screening.score;
  delete screening.zone;
  screening.followUps = screening.followUps.map((f) => ({ on: f.on }));
};

const applyScreening = (state: EvaluationState, event: RecordedEvent): void => {
  switch (event.type) {
    case 'AsqSe2Distributed': {
      const screening = screeningOf(state, event.data.screeningId);
      screening.providerId ??= interned(event.data.providerId);
      screening.distributedOn ??= event.data.distributedOn;
      if (!screening.erased && screening.childRef === undefined) {
        screening.childRef = event.data.childRef;
        screening.ageIntervalMonths = event.data.ageIntervalMonths;
      }
      return;
    }
    case 'AsqSe2Scored': {
      const screening = screeningOf(state, event.data.screeningId);
      if (screening.scoredOn !== undefined) return;
      screening.scoredOn = event.data.scoredOn;
      if (!screening.erased) {
        screening.score = event.data.score;
        screening.zone = interned(event.data.zone);
      }
      return;
    }
    case 'AsqSe2FollowUpRecorded': {
      const screening = screeningOf(state, event.data.screeningId);
      // Stored actions are sealed under the child's key, so a view never holds one in the clear.
      const action = plainOf(event.data.action, Text);
      const on = event.data.on;
      screening.followUps.push(screening.erased || action === undefined ? { on } : { on, action: interned(action) });
      return;
    }
    case 'ChildDataErased': {
      erase(screeningOf(state, event.data.screeningId));
      // The child's other screenings are erased with it, whichever of them the erasure was recorded on.
      for (const screening of Object.values(state.screenings))
        if (screening.childRef === event.data.childRef) erase(screening);
      return;
    }
    default:
      return;
  }
};

const apply = (state: EvaluationState, event: RecordedEvent): EvaluationState => {
  switch (event.type) {
    case 'CommunityRegistered':
      state.communities[event.data.communityId] = true;
      return state;
    case 'ProviderEnrolled':
      providerOf(state, event.data.providerId).communityId = interned(event.data.communityId);
      return state;
    case 'ConsentUploaded': {
      const consent = consentOf(providerOf(state, event.data.providerId), event.data.consentId);
      consent.instrument ??= event.data.instrument;
      consent.signedOn ??= event.data.signedOn;
      return state;
    }
    case 'ConsentWithdrawn':
      consentOf(providerOf(state, event.data.providerId), event.data.consentId).withdrawnOn ??= event.data.withdrawnOn;
      return state;
    case 'ObservationScheduled': {
      const observation = observationOf(providerOf(state, event.data.providerId), event.data.observationId);
      observation.instrument ??= event.data.instrument;
      observation.scheduledFor ??= event.data.scheduledFor;
      observation.observerId ??= interned(event.data.observerId);
      return state;
    }
    case 'ObservationCompleted': {
      const observation = observationOf(providerOf(state, event.data.providerId), event.data.observationId);
      if (observation.observedOn === undefined) {
        observation.observedOn = event.data.observedOn;
        observation.scores = copyTable(event.data.scores);
      }
      return state;
    }
    case 'BenchmarksOfQualityCompleted': {
      const { form, formVersion, completedOn, ratings } = event.data;
      providerOf(state, event.data.providerId).benchmarks[event.data.boqId] ??= {
        form,
        formVersion,
        completedOn,
        ratings: copyTable(ratings),
      };
      return state;
    }
    default:
      applyScreening(state, event);
      return state;
  }
};

/**
 * Consents, observations with their scores (none dated on or after a withdrawn consent's end), BOQs and ASQ-SE2
 * screenings per community, for the evaluation partner.
 */
export const evaluationProjection: Projection<EvaluationState, EvaluationView> = {
  name: 'evaluation',
  version: 2,
  eventTypes: [
    'CommunityRegistered',
    'ProviderEnrolled',
    'ConsentUploaded',
    'ConsentWithdrawn',
    'ObservationScheduled',
    'ObservationCompleted',
    'BenchmarksOfQualityCompleted',
    'AsqSe2Distributed',
    'AsqSe2Scored',
    'AsqSe2FollowUpRecorded',
    'ChildDataErased',
  ],
  init: () => ({ communities: emptyTable(), providers: emptyTable(), screenings: emptyTable() }),
  apply,
  subjects: {
    tables: ['communities', 'providers', 'screenings'],
    // An erasure reaches every screening of the child, whichever stream it was recorded on.
    changedBy: (_state, event) =>
      event.type === 'ChildDataErased'
        ? [['screenings']]
        : [
            ...namedIn(event, 'communityId', 'communities'),
            ...namedIn(event, 'providerId', 'providers'),
            ...namedIn(event, 'screeningId', 'screenings'),
          ],
  },
  view: renderEvaluation,
  viewCodec: EvaluationView,
  table: evaluationTable,
};
