import { accept, refuse } from '../kernel/decider';
import { conflict, ruleBroken } from '../kernel/domain-error';
import { ProviderCommandOf } from './provider.commands';
import { futureDateRefusal, ProviderDecision } from './provider.rules';
import { Enrollment, ProviderState } from './provider.state';

export const decideEnrollProvider = (
  command: ProviderCommandOf<'EnrollProvider'>,
  state: ProviderState,
): ProviderDecision =>
  state.enrollment
    ? refuse(
        conflict('provider-already-enrolled', 'This provider is already enrolled.', [
          { path: 'data.providerId', message: 'already enrolled' },
        ]),
      )
    : accept({ type: 'ProviderEnrolled', data: command.data });

export const decideReassignProvider = (
  command: ProviderCommandOf<'ReassignProvider'>,
  state: ProviderState,
): ProviderDecision => {
  const { fromCoachId, toCoachId } = command.data;
  if (fromCoachId !== state.coachId)
    return refuse(
      ruleBroken(
        'coach-mismatch',
        `The provider’s current coach is ${state.coachId ?? 'nobody'}, not ${fromCoachId}.`,
        'data.fromCoachId',
      ),
    );
  if (toCoachId === state.coachId)
    return refuse(
      ruleBroken('already-assigned', `The provider is already on ${toCoachId}’s caseload.`, 'data.toCoachId'),
    );
  return accept({ type: 'ProviderReassigned', data: command.data });
};

export const decideCompleteDemographicSurvey = (
  command: ProviderCommandOf<'CompleteDemographicSurvey'>,
  state: ProviderState,
): ProviderDecision => {
  if (state.demographicSurveyCompleted)
    return refuse(
      ruleBroken(
        'demographic-survey-already-completed',
        'The demographic survey is already completed.',
        'data.providerId',
      ),
    );
  const future = futureDateRefusal(
    'demographic-survey-in-future',
    command.data.completedOn,
    command.metadata.issuedAt,
    'data.completedOn',
  );
  return future ? refuse(future) : accept({ type: 'DemographicSurveyCompleted', data: command.data });
};

export const decideExitProvider = (
  command: ProviderCommandOf<'ExitProvider'>,
  enrollment: Enrollment,
): ProviderDecision =>
  command.data.on < enrollment.enrolledOn
    ? refuse(
        ruleBroken(
          'exit-before-enrollment',
          `The provider enrolled on ${enrollment.enrolledOn}; they cannot exit before.`,
          'data.on',
        ),
      )
    : accept({ type: 'ProviderExited', data: command.data });

export const decideTransitionProviderToYear2 = (
  command: ProviderCommandOf<'TransitionProviderToYear2'>,
  state: ProviderState,
): ProviderDecision =>
  state.transitionedToYear2
    ? refuse(ruleBroken('already-transitioned', 'The provider has already moved on to Year 2.', 'data.providerId'))
    : accept({ type: 'ProviderTransitionedToYear2', data: command.data });
