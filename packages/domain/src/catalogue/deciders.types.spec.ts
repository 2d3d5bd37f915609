import * as E from 'fp-ts/Either';
import { CoachCommand, coachDecider, CoachEvent, ProviderCommand, providerDecider, ProviderEvent } from '../index';
import { command, deciderSpec } from '../testing';

// These expectations are checked by the compiler (`npm run typecheck`): each `@ts-expect-error`
// line must fail to type-check, or tsc fails. Lines that would misbehave if run are kept in
// functions the tests never call.

const registered: CoachEvent = {
  type: 'CoachRegistered',
  data: { coachId: 'c-03', communityId: 'kent', name: 'Dana Ortiz', role: 'coach' },
};
const registerCoach = command<CoachCommand>('RegisterCoach', registered.data);
const enrolled: ProviderEvent = {
  type: 'ProviderEnrolled',
  data: {
    providerId: 'p-017',
    communityId: 'kent',
    programYearId: 'py-2025',
    name: 'Ana Lima',
    site: { siteId: 'site-4', name: 'Maple Street Center', setting: 'center' },
    agesServed: ['preschool'],
    coachId: 'c-03',
    enrolledOn: '2025-09-02',
  },
};
const exitProvider = command<ProviderCommand>('ExitProvider', {
  providerId: 'p-017',
  on: '2025-09-03',
  reason: 'Moved away.',
});

const refusedByTheCompiler = {
  // A decider takes the commands of its own stream kind and no other.
  providerDecidesCoachCommand: () =>
    // @ts-expect-error RegisterCoach belongs to a coach's stream.
    providerDecider.decide(registerCoach, providerDecider.initialState),
  coachDecidesProviderCommand: () =>
    // @ts-expect-error ExitProvider belongs to a provider's stream.
    coachDecider.decide(exitProvider, coachDecider.initialState),
  // A decider's evolve folds the events of its own stream kind only.
  providerFoldsCoachEvent: () =>
    // @ts-expect-error CoachRegistered is recorded on a coach's stream.
    providerDecider.evolve(providerDecider.initialState, registered),
  // A specification's history, command and expected events are the decider's own kinds.
  specGivenCoachHistory: () =>
    // @ts-expect-error a provider's history holds no CoachRegistered.
    deciderSpec(providerDecider).given([registered]),
  specWhenCoachCommand: () =>
    // @ts-expect-error the provider decider is never sent RegisterCoach.
    deciderSpec(providerDecider).given([enrolled]).when(registerCoach),
  specThenCoachEvent: () =>
    // @ts-expect-error the provider decider never decides CoachRegistered.
    deciderSpec(providerDecider).given([enrolled]).when(exitProvider).then([registered]),
};

describe('the types of deciders', () => {
  it('decides and specifies with the kinds of its own stream', () => {
    expect(
      E.isRight(providerDecider.decide(exitProvider, providerDecider.evolve(providerDecider.initialState, enrolled))),
    ).toBe(true);
    expect(E.isRight(coachDecider.decide(registerCoach, coachDecider.initialState))).toBe(true);
    deciderSpec(coachDecider).given([]).when(registerCoach).then([registered]);
    deciderSpec(providerDecider)
      .given([])
      .when(exitProvider)
      .thenFails((error) => error.kind === 'not-found');
  });

  it('lists the six refused lines, none of which runs', () => {
    expect(Object.keys(refusedByTheCompiler)).toHaveLength(6);
  });
});
