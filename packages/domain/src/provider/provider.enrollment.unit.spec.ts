import * as E from 'fp-ts/Either';
import { fold } from '../kernel/decider';
import { command, deciderSpec } from '../testing';
import { ProviderCommand } from './provider.commands';
import { providerDecider } from './provider.decider';
import { ProviderEvent } from './provider.events';
import { enrolled, exited, providerId } from './provider.fixtures';
import { currentCoachOf } from './provider.state';

const spec = deciderSpec(providerDecider);

describe('provider decider: enrollment and its lifecycle', () => {
  describe('EnrollProvider', () => {
    const enroll = command<ProviderCommand>('EnrollProvider', enrolled.data);
    it('enrolls a new provider with their coach', () => spec.given([]).when(enroll).then([enrolled]));
    it('refuses a second enrollment as a conflict', () => {
      spec.given([enrolled]).when(enroll).thenFails('provider-already-enrolled', ['data.providerId']);
      const outcome = providerDecider.decide(enroll, fold(providerDecider, [enrolled]));
      expect(E.isLeft(outcome) && outcome.left.kind).toBe('conflict');
    });
    it('refuses enrolling again after the provider exited', () =>
      spec.given([enrolled, exited]).when(enroll).thenFails('provider-already-enrolled', ['data.providerId']));
  });

  describe('ReassignProvider', () => {
    const reassigned: ProviderEvent = {
      type: 'ProviderReassigned',
      data: { providerId, fromCoachId: 'c-03', toCoachId: 'c-07', on: '2025-09-01' },
    };
    const reassign = (data: { fromCoachId: string; toCoachId: string }) =>
      command<ProviderCommand>('ReassignProvider', { providerId, on: '2025-09-01', ...data });

    it('moves the provider to another coach', () =>
      spec
        .given([enrolled])
        .when(reassign({ fromCoachId: 'c-03', toCoachId: 'c-07' }))
        .then([reassigned]));
    it('makes the new coach the current one', () => {
      expect(currentCoachOf(fold(providerDecider, [enrolled]))).toBe('c-03');
      expect(currentCoachOf(fold(providerDecider, [enrolled, reassigned]))).toBe('c-07');
    });
    it('refuses a from-coach who is not the current coach', () =>
      spec
        .given([enrolled, reassigned])
        .when(reassign({ fromCoachId: 'c-03', toCoachId: 'c-09' }))
        .thenFails('coach-mismatch', ['data.fromCoachId']));
    it('refuses reassigning to the current coach', () =>
      spec
        .given([enrolled])
        .when(reassign({ fromCoachId: 'c-03', toCoachId: 'c-03' }))
        .thenFails('already-assigned', ['data.toCoachId']));
  });

  describe('CompleteDemographicSurvey', () => {
    const completed: ProviderEvent = {
      type: 'DemographicSurveyCompleted',
      data: { providerId, completedOn: '2025-07-30' },
    };
    const complete = command<ProviderCommand>('CompleteDemographicSurvey', completed.data);
    it('records the survey', () => spec.given([enrolled]).when(complete).then([completed]));
    it('records the survey with its uploaded answers, by reference and hash only', () => {
      const document = { uri: 's3://surveys/p-017.pdf', sha256: 'c'.repeat(64) };
      spec
        .given([enrolled])
        .when(command<ProviderCommand>('CompleteDemographicSurvey', { ...completed.data, document }))
        .then([{ type: 'DemographicSurveyCompleted', data: { ...completed.data, document } }]);
    });
    it('refuses a second survey', () =>
      spec
        .given([enrolled, completed])
        .when(complete)
        .thenFails('demographic-survey-already-completed', ['data.providerId']));
    it('accepts a survey completed the day after the UTC issue date (local dates east of Greenwich)', () =>
      spec
        .given([enrolled])
        .when(command<ProviderCommand>('CompleteDemographicSurvey', { providerId, completedOn: '2025-09-17' }))
        .then([{ type: 'DemographicSurveyCompleted', data: { providerId, completedOn: '2025-09-17' } }]));
    it('refuses a survey dated later than that', () =>
      spec
        .given([enrolled])
        .when(command<ProviderCommand>('CompleteDemographicSurvey', { providerId, completedOn: '2025-09-18' }))
        .thenFails('demographic-survey-in-future', ['data.completedOn']));
  });

  describe('ExitProvider', () => {
    const exit = command<ProviderCommand>('ExitProvider', exited.data);
    it('records the exit', () => spec.given([enrolled]).when(exit).then([exited]));
    it('refuses an exit before enrollment', () =>
      spec
        .given([enrolled])
        .when(command<ProviderCommand>('ExitProvider', { ...exited.data, on: '2025-07-14' }))
        .thenFails('exit-before-enrollment', ['data.on']));
    it('accepts an exit on the day of enrollment', () =>
      spec
        .given([enrolled])
        .when(command<ProviderCommand>('ExitProvider', { ...exited.data, on: '2025-07-15' }))
        .then([{ type: 'ProviderExited', data: { ...exited.data, on: '2025-07-15' } }]));
    it('refuses a second exit', () =>
      spec.given([enrolled, exited]).when(exit).thenFails('provider-exited', ['data.providerId']));
  });

  describe('TransitionProviderToYear2', () => {
    const transitioned: ProviderEvent = { type: 'ProviderTransitionedToYear2', data: { providerId, on: '2026-06-30' } };
    const transition = command<ProviderCommand>('TransitionProviderToYear2', transitioned.data);
    it('moves the provider on to Year 2', () => spec.given([enrolled]).when(transition).then([transitioned]));
    it('refuses a second transition', () =>
      spec.given([enrolled, transitioned]).when(transition).thenFails('already-transitioned', ['data.providerId']));
  });
});
