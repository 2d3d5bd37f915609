import { command, deciderSpec } from '../testing';
import { ProviderCommand } from './provider.commands';
import { providerDecider } from './provider.decider';
import { ProviderEvent } from './provider.events';
import {
  benchmarksCompleted,
  debriefHeld,
  enrolled,
  enrolledAtHome,
  observationCompleted,
  observationScheduled,
  tpotConsent,
  tpotConsentWithdrawn,
} from './provider.fixtures';

const spec = deciderSpec(providerDecider);

const infantRoom: ProviderEvent = { type: 'ProviderEnrolled', data: { ...enrolled.data, agesServed: ['infant'] } };
const preschoolRoom: ProviderEvent = {
  type: 'ProviderEnrolled',
  data: { ...enrolled.data, agesServed: ['preschool'] },
};

describe('provider decider: evaluation (consent, observations, debriefs, BOQ)', () => {
  describe('UploadConsent', () => {
    const upload = command<ProviderCommand>('UploadConsent', tpotConsent.data);
    const tpitos = { ...tpotConsent.data, consentId: 'consent-2', instrument: 'TPITOS' as const };
    it('uploads a TPOT consent for a classroom serving preschoolers', () =>
      spec.given([enrolled]).when(upload).then([tpotConsent]));
    it('uploads a TPITOS consent for a classroom serving toddlers', () =>
      spec
        .given([enrolled])
        .when(command<ProviderCommand>('UploadConsent', tpitos))
        .then([{ type: 'ConsentUploaded', data: tpitos }]));
    it('refuses a family child care home', () =>
      spec.given([enrolledAtHome]).when(upload).thenFails('not-applicable-to-fcch', ['data.instrument']));
    it('refuses TPOT for an infant classroom', () =>
      spec.given([infantRoom]).when(upload).thenFails('instrument-does-not-match-ages', ['data.instrument']));
    it('refuses TPITOS for a preschool classroom', () =>
      spec
        .given([preschoolRoom])
        .when(command<ProviderCommand>('UploadConsent', tpitos))
        .thenFails('instrument-does-not-match-ages', ['data.instrument']));
    it('refuses a consent id already uploaded', () =>
      spec.given([enrolled, tpotConsent]).when(upload).thenFails('consent-already-uploaded', ['data.consentId']));
  });

  describe('WithdrawConsent', () => {
    const withdraw = command<ProviderCommand>('WithdrawConsent', tpotConsentWithdrawn.data);
    it('withdraws a current consent', () =>
      spec.given([enrolled, tpotConsent]).when(withdraw).then([tpotConsentWithdrawn]));
    it('refuses a consent never uploaded', () =>
      spec.given([enrolled]).when(withdraw).thenFails('unknown-consent', ['data.consentId']));
    it('refuses withdrawing twice', () =>
      spec
        .given([enrolled, tpotConsent, tpotConsentWithdrawn])
        .when(withdraw)
        .thenFails('consent-already-withdrawn', ['data.consentId']));
  });

  describe('ScheduleObservation', () => {
    const schedule = command<ProviderCommand>('ScheduleObservation', observationScheduled.data);
    it('schedules an observation under a current consent, with an observer registered nowhere', () =>
      spec.given([enrolled, tpotConsent]).when(schedule).then([observationScheduled]));
    it('refuses a family child care home', () =>
      spec
        .given([enrolledAtHome, tpotConsent])
        .when(schedule)
        .thenFails('not-applicable-to-fcch', ['data.instrument']));
    it('refuses an instrument that does not fit the classroom', () =>
      spec
        .given([infantRoom, tpotConsent])
        .when(schedule)
        .thenFails('instrument-does-not-match-ages', ['data.instrument']));
    it('refuses without any consent (rule 4)', () =>
      spec.given([enrolled]).when(schedule).thenFails('consent-required', ['data.instrument']));
    it('refuses once the consent is withdrawn', () =>
      spec
        .given([enrolled, tpotConsent, tpotConsentWithdrawn])
        .when(schedule)
        .thenFails('consent-required', ['data.instrument']));
    it('refuses when the only consent is for the other instrument', () =>
      spec
        .given([enrolled, { type: 'ConsentUploaded', data: { ...tpotConsent.data, instrument: 'TPITOS' } }])
        .when(schedule)
        .thenFails('consent-required', ['data.instrument']));
    it('refuses an observation id already scheduled', () =>
      spec
        .given([enrolled, tpotConsent, observationScheduled])
        .when(schedule)
        .thenFails('observation-already-scheduled', ['data.observationId']));
  });

  describe('CompleteObservation', () => {
    const scheduled = [enrolled, tpotConsent, observationScheduled];
    const complete = command<ProviderCommand>('CompleteObservation', observationCompleted.data);
    it('records the scores of a scheduled observation', () =>
      spec.given(scheduled).when(complete).then([observationCompleted]));
    it('accepts an observation that moved earlier than scheduled', () => {
      const moved = { ...observationCompleted.data, observedOn: '2025-08-08' };
      spec
        .given(scheduled)
        .when(command<ProviderCommand>('CompleteObservation', moved))
        .then([{ type: 'ObservationCompleted', data: moved }]);
    });
    it('refuses an observation never scheduled', () =>
      spec.given([enrolled, tpotConsent]).when(complete).thenFails('unknown-observation', ['data.observationId']));
    it('refuses completing twice', () =>
      spec
        .given([...scheduled, observationCompleted])
        .when(complete)
        .thenFails('observation-already-completed', ['data.observationId']));
    it('refuses once the consent was withdrawn: withdrawal stops further use (rule 4)', () =>
      spec
        .given([...scheduled, tpotConsentWithdrawn])
        .when(complete)
        .thenFails('consent-withdrawn', ['data.observationId']));
    it('refuses an observation dated after the day it was recorded', () =>
      spec
        .given(scheduled)
        .when(
          command<ProviderCommand>('CompleteObservation', observationCompleted.data, {
            issuedAt: '2025-08-12T09:00:00.000Z',
          }),
        )
        .thenFails('observation-in-future', ['data.observedOn']));
  });

  describe('HoldDebrief', () => {
    const observed = [enrolled, tpotConsent, observationScheduled, observationCompleted];
    const debrief = command<ProviderCommand>('HoldDebrief', debriefHeld.data);
    it('records the strengths and next steps of a completed observation', () =>
      spec.given(observed).when(debrief).then([debriefHeld]));
    it('refuses an observation not completed yet', () =>
      spec
        .given([enrolled, tpotConsent, observationScheduled])
        .when(debrief)
        .thenFails('observation-not-completed', ['data.observationId']));
    it('refuses an observation never scheduled', () =>
      spec.given([enrolled]).when(debrief).thenFails('observation-not-completed', ['data.observationId']));
    it('refuses a second debrief of the same observation', () =>
      spec
        .given([...observed, debriefHeld])
        .when(debrief)
        .thenFails('debrief-already-held', ['data.observationId']));
    it('refuses a debrief before the observation', () =>
      spec
        .given(observed)
        .when(command<ProviderCommand>('HoldDebrief', { ...debriefHeld.data, heldOn: '2025-08-13' }))
        .thenFails('debrief-before-observation', ['data.heldOn']));
    it('refuses a debrief dated after the day it was recorded', () =>
      spec
        .given(observed)
        .when(command<ProviderCommand>('HoldDebrief', debriefHeld.data, { issuedAt: '2025-08-19T23:59:59.000Z' }))
        .thenFails('debrief-in-future', ['data.heldOn']));
  });

  describe('CompleteBenchmarksOfQuality', () => {
    const complete = command<ProviderCommand>('CompleteBenchmarksOfQuality', benchmarksCompleted.data);
    const homeForm = { ...benchmarksCompleted.data, form: 'FCCH-BOQ' as const };
    it('records a center’s BOQ', () => spec.given([enrolled]).when(complete).then([benchmarksCompleted]));
    it('records a home’s FCCH BOQ', () =>
      spec
        .given([enrolledAtHome])
        .when(command<ProviderCommand>('CompleteBenchmarksOfQuality', homeForm))
        .then([{ type: 'BenchmarksOfQualityCompleted', data: homeForm }]));
    it('refuses the BOQ for a family child care home', () =>
      spec.given([enrolledAtHome]).when(complete).thenFails('boq-form-does-not-match-setting', ['data.form']));
    it('refuses the FCCH BOQ for a center', () =>
      spec
        .given([enrolled])
        .when(command<ProviderCommand>('CompleteBenchmarksOfQuality', homeForm))
        .thenFails('boq-form-does-not-match-setting', ['data.form']));
    it('refuses a BOQ id already recorded', () =>
      spec.given([enrolled, benchmarksCompleted]).when(complete).thenFails('boq-already-completed', ['data.boqId']));
    it('refuses a BOQ dated after the day it was recorded', () =>
      spec
        .given([enrolled])
        .when(
          command<ProviderCommand>('CompleteBenchmarksOfQuality', {
            ...benchmarksCompleted.data,
            completedOn: '2025-09-18',
          }),
        )
        .thenFails('boq-in-future', ['data.completedOn']));
  });
});
