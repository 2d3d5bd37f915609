import { command, deciderSpec } from '../testing';
import { ProviderCommand, providerCommands } from './provider.commands';
import { providerDecider } from './provider.decider';
import { ProviderEvent } from './provider.events';
import {
  actionPlanSet,
  enrolled,
  exited,
  observationCompleted,
  observationScheduled,
  providerId,
  sessionLogged,
  tpotConsent,
} from './provider.fixtures';

const spec = deciderSpec(providerDecider);

/** A provider with something of every kind on record, so that each command below is accepted. */
const history: ProviderEvent[] = [
  enrolled,
  tpotConsent,
  observationScheduled,
  observationCompleted,
  {
    type: 'ObservationScheduled',
    data: { ...observationScheduled.data, observationId: 'obs-2', scheduledFor: '2025-09-09' },
  },
  actionPlanSet,
  sessionLogged,
];

/** One command of every type, each dated after the exit below. */
const laterCommands: ProviderCommand[] = [
  command<ProviderCommand>('ReassignProvider', {
    providerId,
    fromCoachId: 'c-03',
    toCoachId: 'c-07',
    on: '2025-09-12',
  }),
  command<ProviderCommand>('CompleteDemographicSurvey', { providerId, completedOn: '2025-09-12' }),
  command<ProviderCommand>('UploadConsent', { ...tpotConsent.data, consentId: 'consent-2', signedOn: '2025-09-12' }),
  command<ProviderCommand>('WithdrawConsent', { providerId, consentId: 'consent-1', withdrawnOn: '2025-09-12' }),
  command<ProviderCommand>('ScheduleObservation', {
    ...observationScheduled.data,
    observationId: 'obs-3',
    scheduledFor: '2025-09-30',
  }),
  command<ProviderCommand>('CompleteObservation', {
    ...observationCompleted.data,
    observationId: 'obs-2',
    observedOn: '2025-09-12',
  }),
  command<ProviderCommand>('HoldDebrief', {
    providerId,
    observationId: 'obs-1',
    heldOn: '2025-09-12',
    strengths: [],
    nextSteps: [],
  }),
  command<ProviderCommand>('CompleteBenchmarksOfQuality', {
    providerId,
    boqId: 'boq-1',
    form: 'BOQ',
    formVersion: '2017',
    completedOn: '2025-09-12',
    ratings: { 'expectations-taught': 1 },
  }),
  command<ProviderCommand>('SetActionPlan', {
    ...actionPlanSet.data,
    actionPlanId: 'plan-2',
    goals: [{ goalId: 'g-3', practice: 'problem-solving', description: 'Practice solution cards at group time.' }],
    setOn: '2025-09-12',
  }),
  command<ProviderCommand>('RecordGoalAchieved', { providerId, goalId: 'g-1', on: '2025-09-12' }),
  command<ProviderCommand>('LogSession', { ...sessionLogged.data, sessionId: 's-2', heldOn: '2025-09-12' }),
  command<ProviderCommand>('CorrectSession', {
    providerId,
    sessionId: 's-1',
    changes: { durationMinutes: 45 },
    reason: 'Typed 60 for 45.',
  }),
  command<ProviderCommand>('VoidSession', { providerId, sessionId: 's-1', reason: 'Logged twice.' }),
  command<ProviderCommand>('SendFeedback', { providerId, sessionId: 's-1', sentOn: '2025-09-12' }),
  command<ProviderCommand>('GiveCoachingFeedback', {
    providerId,
    surveyId: 'survey-1',
    coachId: 'c-03',
    completedOn: '2025-09-12',
    rating: 4,
  }),
  command<ProviderCommand>('ExitProvider', { providerId, on: '2025-09-12', reason: 'Left the center.' }),
  command<ProviderCommand>('TransitionProviderToYear2', { providerId, on: '2025-09-12' }),
];

const eventTypeOf = (type: ProviderCommand['type']) =>
  providerCommands.find((definition) => definition.type === type)!.produces[0];
const accepted = (cmd: ProviderCommand) => [{ type: eventTypeOf(cmd.type), data: cmd.data }] as ProviderEvent[];

describe('provider decider: the stream’s gates', () => {
  it('covers every command but EnrollProvider', () =>
    expect(laterCommands.map((c) => c.type).sort()).toEqual(
      providerCommands
        .map((d) => d.type)
        .filter((t) => t !== 'EnrollProvider')
        .sort(),
    ));

  describe.each(laterCommands.map((cmd) => [cmd.type, cmd] as const))('%s', (_type, cmd) => {
    it('is refused on a stream never enrolled', () =>
      spec.given([]).when(cmd).thenFails('provider-not-enrolled', ['data.providerId']));
    it('is accepted while the provider is in the program', () => spec.given(history).when(cmd).then(accepted(cmd)));
  });

  describe('after the provider exited', () => {
    const fixable = new Set<ProviderCommand['type']>(['CorrectSession', 'VoidSession']);
    it.each(laterCommands.filter((cmd) => !fixable.has(cmd.type)).map((cmd) => [cmd.type, cmd] as const))(
      '%s is refused',
      (_type, cmd) =>
        spec
          .given([...history, exited])
          .when(cmd)
          .thenFails('provider-exited', ['data.providerId']),
    );
    it.each(laterCommands.filter((cmd) => fixable.has(cmd.type)).map((cmd) => [cmd.type, cmd] as const))(
      '%s is still accepted: mistakes stay fixable (rule 12)',
      (_type, cmd) =>
        spec
          .given([...history, exited])
          .when(cmd)
          .then(accepted(cmd)),
    );
    it('LogSession is accepted late for a session held on or before the exit day', () => {
      const late = command<ProviderCommand>('LogSession', {
        ...sessionLogged.data,
        sessionId: 's-3',
        heldOn: '2025-09-10',
      });
      spec
        .given([...history, exited])
        .when(late)
        .then(accepted(late));
    });
    it('CorrectSession may not move a session past the exit day', () =>
      spec
        .given([...history, exited])
        .when(
          command<ProviderCommand>('CorrectSession', {
            providerId,
            sessionId: 's-1',
            changes: { heldOn: '2025-09-11' },
            reason: 'Wrong day.',
          }),
        )
        .thenFails('provider-exited', ['data.changes.heldOn']));
  });
});
