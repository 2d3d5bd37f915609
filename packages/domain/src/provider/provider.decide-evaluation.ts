import { accept, refuse } from '../kernel/decider';
import { DomainError, ruleBroken } from '../kernel/domain-error';
import { ObservationInstrument } from './consent-uploaded';
import { ProviderCommandOf } from './provider.commands';
import { futureDateRefusal, ProviderDecision } from './provider.rules';
import { Enrollment, hasCurrentConsent, ProviderState } from './provider.state';

/** TPOT observes preschool classrooms; TPITOS infant and toddler classrooms (rule 4). */
const instrumentFitsAges = (instrument: ObservationInstrument, enrollment: Enrollment): boolean =>
  instrument === 'TPOT'
    ? enrollment.agesServed.includes('preschool')
    : enrollment.agesServed.includes('infant') || enrollment.agesServed.includes('toddler');

/** Evaluation consent and observations exist for center-based classrooms whose ages fit the instrument. */
const instrumentRefusal = (instrument: ObservationInstrument, enrollment: Enrollment): DomainError | undefined => {
  if (enrollment.setting === 'fcch')
    return ruleBroken(
      'not-applicable-to-fcch',
      'TPOT and TPITOS apply to center-based providers only, not family child care homes.',
      'data.instrument',
    );
  if (!instrumentFitsAges(instrument, enrollment))
    return ruleBroken(
      'instrument-does-not-match-ages',
      `${instrument} does not fit a classroom serving ${enrollment.agesServed.join(', ')}: TPOT is for preschool, TPITOS for infants and toddlers.`,
      'data.instrument',
    );
  return undefined;
};

export const decideUploadConsent = (
  command: ProviderCommandOf<'UploadConsent'>,
  state: ProviderState,
  enrollment: Enrollment,
): ProviderDecision => {
  const refusal = instrumentRefusal(command.data.instrument, enrollment);
  if (refusal) return refuse(refusal);
  if (state.consents.has(command.data.consentId))
    return refuse(
      ruleBroken('consent-already-uploaded', 'A consent with this id is already uploaded.', 'data.consentId'),
    );
  return accept({ type: 'ConsentUploaded', data: command.data });
};

export const decideWithdrawConsent = (
  command: ProviderCommandOf<'WithdrawConsent'>,
  state: ProviderState,
): ProviderDecision => {
  const consent = state.consents.get(command.data.consentId);
  if (!consent)
    return refuse(
      ruleBroken('unknown-consent', 'No consent with this id was uploaded for the provider.', 'data.consentId'),
    );
  if (consent.withdrawn)
    return refuse(ruleBroken('consent-already-withdrawn', 'This consent is already withdrawn.', 'data.consentId'));
  return accept({ type: 'ConsentWithdrawn', data: command.data });
};

export const decideScheduleObservation = (
  command: ProviderCommandOf<'ScheduleObservation'>,
  state: ProviderState,
  enrollment: Enrollment,
): ProviderDecision => {
  const { instrument, observationId } = command.data;
  const refusal = instrumentRefusal(instrument, enrollment);
  if (refusal) return refuse(refusal);
  if (!hasCurrentConsent(state, instrument))
    return refuse(
      ruleBroken('consent-required', `The provider has no current ${instrument} consent (rule 4).`, 'data.instrument'),
    );
  if (state.observations.has(observationId))
    return refuse(
      ruleBroken(
        'observation-already-scheduled',
        'An observation with this id is already scheduled.',
        'data.observationId',
      ),
    );
  return accept({ type: 'ObservationScheduled', data: command.data });
};

export const decideCompleteObservation = (
  command: ProviderCommandOf<'CompleteObservation'>,
  state: ProviderState,
): ProviderDecision => {
  const observation = state.observations.get(command.data.observationId);
  if (!observation)
    return refuse(
      ruleBroken(
        'unknown-observation',
        'No observation with this id was scheduled for the provider.',
        'data.observationId',
      ),
    );
  if (observation.observedOn !== undefined)
    return refuse(
      ruleBroken(
        'observation-already-completed',
        `This observation was completed on ${observation.observedOn}.`,
        'data.observationId',
      ),
    );
  // Observations move, so observedOn may precede scheduledFor; a consent withdrawn since scheduling stops it (rule 4).
  if (!hasCurrentConsent(state, observation.instrument))
    return refuse(
      ruleBroken(
        'consent-withdrawn',
        `The provider’s ${observation.instrument} consent was withdrawn; the observation cannot be used.`,
        'data.observationId',
      ),
    );
  const future = futureDateRefusal(
    'observation-in-future',
    command.data.observedOn,
    command.metadata.issuedAt,
    'data.observedOn',
  );
  return future ? refuse(future) : accept({ type: 'ObservationCompleted', data: command.data });
};

export const decideHoldDebrief = (
  command: ProviderCommandOf<'HoldDebrief'>,
  state: ProviderState,
): ProviderDecision => {
  const { observationId, heldOn } = command.data;
  const observation = state.observations.get(observationId);
  if (observation?.observedOn === undefined)
    return refuse(
      ruleBroken('observation-not-completed', 'Only a completed observation is debriefed.', 'data.observationId'),
    );
  if (observation.debriefed)
    return refuse(
      ruleBroken('debrief-already-held', 'This observation has already been debriefed.', 'data.observationId'),
    );
  if (heldOn < observation.observedOn)
    return refuse(
      ruleBroken(
        'debrief-before-observation',
        `The observation took place on ${observation.observedOn}; its debrief cannot come before.`,
        'data.heldOn',
      ),
    );
  const future = futureDateRefusal('debrief-in-future', heldOn, command.metadata.issuedAt, 'data.heldOn');
  return future ? refuse(future) : accept({ type: 'DebriefHeld', data: command.data });
};

export const decideCompleteBenchmarksOfQuality = (
  command: ProviderCommandOf<'CompleteBenchmarksOfQuality'>,
  state: ProviderState,
  enrollment: Enrollment,
): ProviderDecision => {
  const expectedForm = enrollment.setting === 'fcch' ? 'FCCH-BOQ' : 'BOQ';
  if (command.data.form !== expectedForm)
    return refuse(
      ruleBroken(
        'boq-form-does-not-match-setting',
        `A ${enrollment.setting === 'fcch' ? 'family child care home' : 'center-based'} provider completes the ${expectedForm}.`,
        'data.form',
      ),
    );
  if (state.benchmarksOfQuality.has(command.data.boqId))
    return refuse(
      ruleBroken('boq-already-completed', 'A Benchmarks of Quality with this id is already recorded.', 'data.boqId'),
    );
  const future = futureDateRefusal(
    'boq-in-future',
    command.data.completedOn,
    command.metadata.issuedAt,
    'data.completedOn',
  );
  return future ? refuse(future) : accept({ type: 'BenchmarksOfQualityCompleted', data: command.data });
};
