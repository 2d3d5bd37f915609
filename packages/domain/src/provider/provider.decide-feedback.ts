import { accept, refuse } from '../kernel/decider';
import { ruleBroken } from '../kernel/domain-error';
import { ProviderCommandOf } from './provider.commands';
import { futureDateRefusal, ProviderDecision } from './provider.rules';
import { ProviderState } from './provider.state';

/** The coaches a provider may give feedback about: their coach now, and any coach who held a session with them. */
const coachesOf = (state: ProviderState): ReadonlySet<string> =>
  new Set([
    ...(state.coachId === undefined ? [] : [state.coachId]),
    ...[...state.sessions.values()].filter((s) => !s.voided).map((s) => s.session.coachId),
  ]);

export const decideGiveCoachingFeedback = (
  command: ProviderCommandOf<'GiveCoachingFeedback'>,
  state: ProviderState,
): ProviderDecision => {
  const { surveyId, coachId, completedOn } = command.data;
  if (state.feedbackSurveys.has(surveyId))
    return refuse(ruleBroken('feedback-already-given', 'This survey is already recorded.', 'data.surveyId'));
  if (!coachesOf(state).has(coachId))
    return refuse(
      ruleBroken(
        'not-the-provider-coach',
        `${coachId} neither coaches this provider nor held a session with them.`,
        'data.coachId',
      ),
    );
  const future = futureDateRefusal('feedback-in-future', completedOn, command.metadata.issuedAt, 'data.completedOn');
  return future ? refuse(future) : accept({ type: 'CoachingFeedbackGiven', data: command.data });
};
