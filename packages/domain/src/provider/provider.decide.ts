import { refuse } from '../kernel/decider';
import { DomainError, notFound, ruleBroken } from '../kernel/domain-error';
import { ProviderCommand } from './provider.commands';
import { decideRecordGoalAchieved, decideSetActionPlan } from './provider.decide-action-plans';
import {
  decideCompleteDemographicSurvey,
  decideEnrollProvider,
  decideExitProvider,
  decideReassignProvider,
  decideTransitionProviderToYear2,
} from './provider.decide-enrollment';
import {
  decideCompleteBenchmarksOfQuality,
  decideCompleteObservation,
  decideHoldDebrief,
  decideScheduleObservation,
  decideUploadConsent,
  decideWithdrawConsent,
} from './provider.decide-evaluation';
import {
  decideCorrectSession,
  decideLogSession,
  decideSendFeedback,
  decideVoidSession,
} from './provider.decide-sessions';
import { decideGiveCoachingFeedback } from './provider.decide-feedback';
import { ProviderDecision } from './provider.rules';
import { ProviderState } from './provider.state';

/**
 * After the exit nothing new happens with the provider. Mistakes stay fixable (rule 12), and
 * a session held before the exit may still be logged late, since logging follows sessions.
 */
const exitRefusal = (command: ProviderCommand, exitedOn: string | undefined): DomainError | undefined => {
  if (exitedOn === undefined) return undefined;
  if (command.type === 'CorrectSession' || command.type === 'VoidSession') return undefined;
  if (command.type === 'LogSession' && command.data.heldOn <= exitedOn) return undefined;
  return ruleBroken('provider-exited', `The provider exited the program on ${exitedOn}.`, 'data.providerId');
};

export const decide = (command: ProviderCommand, state: ProviderState): ProviderDecision => {
  if (command.type === 'EnrollProvider') return decideEnrollProvider(command, state);
  const enrollment = state.enrollment;
  if (!enrollment)
    return refuse(
      notFound('provider-not-enrolled', 'This provider is not enrolled.', [
        { path: 'data.providerId', message: 'no such provider' },
      ]),
    );
  const exited = exitRefusal(command, state.exitedOn);
  if (exited) return refuse(exited);
  switch (command.type) {
    case 'ReassignProvider':
      return decideReassignProvider(command, state);
    case 'CompleteDemographicSurvey':
      return decideCompleteDemographicSurvey(command, state);
    case 'UploadConsent':
      return decideUploadConsent(command, state, enrollment);
    case 'WithdrawConsent':
      return decideWithdrawConsent(command, state);
    case 'ScheduleObservation':
      return decideScheduleObservation(command, state, enrollment);
    case 'CompleteObservation':
      return decideCompleteObservation(command, state);
    case 'HoldDebrief':
      return decideHoldDebrief(command, state);
    case 'CompleteBenchmarksOfQuality':
      return decideCompleteBenchmarksOfQuality(command, state, enrollment);
    case 'SetActionPlan':
      return decideSetActionPlan(command, state);
    case 'RecordGoalAchieved':
      return decideRecordGoalAchieved(command, state);
    case 'LogSession':
      return decideLogSession(command, state, enrollment);
    case 'CorrectSession':
      return decideCorrectSession(command, state, enrollment);
    case 'VoidSession':
      return decideVoidSession(command, state);
    case 'SendFeedback':
      return decideSendFeedback(command, state);
    case 'GiveCoachingFeedback':
      return decideGiveCoachingFeedback(command, state);
    case 'ExitProvider':
      return decideExitProvider(command, enrollment);
    case 'TransitionProviderToYear2':
      return decideTransitionProviderToYear2(command, state);
  }
};
