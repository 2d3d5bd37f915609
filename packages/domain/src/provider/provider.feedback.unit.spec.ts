import * as E from 'fp-ts/Either';
import { command, deciderSpec } from '../testing';
import { CoachingFeedbackGivenData } from './coaching-feedback-given';
import { ProviderCommand } from './provider.commands';
import { providerDecider } from './provider.decider';
import { ProviderEvent } from './provider.events';
import { enrolled, exited, providerId, sessionLogged, sessionVoided } from './provider.fixtures';

const spec = deciderSpec(providerDecider);

const survey: CoachingFeedbackGivenData = {
  providerId,
  surveyId: 'survey-1',
  coachId: 'c-03',
  completedOn: '2025-09-12',
  rating: 4,
};
const given: ProviderEvent = { type: 'CoachingFeedbackGiven', data: survey };
const give = (data: Partial<CoachingFeedbackGivenData> = {}, issuedAt?: string) =>
  command<ProviderCommand>('GiveCoachingFeedback', { ...survey, ...data }, issuedAt ? { issuedAt } : {});
const reassigned: ProviderEvent = {
  type: 'ProviderReassigned',
  data: { providerId, fromCoachId: 'c-03', toCoachId: 'c-07', on: '2025-10-01' },
};

describe('provider decider: the coachee’s feedback survey', () => {
  it('records the coachee’s survey about their coach', () => spec.given([enrolled]).when(give()).then([given]));
  it('records a survey about a former coach who held a session with the provider', () =>
    spec.given([enrolled, sessionLogged, reassigned]).when(give()).then([given]));
  it('refuses a coach who never coached the provider', () =>
    spec
      .given([enrolled])
      .when(give({ coachId: 'c-09' }))
      .thenFails('not-the-provider-coach', ['data.coachId']));
  it('refuses a former coach whose only session was voided', () =>
    spec
      .given([enrolled, sessionLogged, sessionVoided, reassigned])
      .when(give())
      .thenFails('not-the-provider-coach', ['data.coachId']));
  it('refuses the same survey twice', () =>
    spec.given([enrolled, given]).when(give()).thenFails('feedback-already-given', ['data.surveyId']));
  it('refuses a survey dated after it was sent', () =>
    spec
      .given([enrolled])
      .when(give({ completedOn: '2025-09-20' }, '2025-09-16T18:00:00.000Z'))
      .thenFails('feedback-in-future', ['data.completedOn']));
  it('refuses a provider never enrolled, and one who exited', () => {
    spec.given([]).when(give()).thenFails('provider-not-enrolled', ['data.providerId']);
    spec.given([enrolled, exited]).when(give()).thenFails('provider-exited', ['data.providerId']);
  });
  it('refuses a rating outside 1 to 5 before it reaches the decider', () =>
    expect(E.isLeft(CoachingFeedbackGivenData.decode({ ...survey, rating: 6 }))).toBe(true));
});
