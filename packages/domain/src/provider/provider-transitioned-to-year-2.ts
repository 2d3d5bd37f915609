import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `ProviderTransitionedToYear2` event and of the `TransitionProviderToYear2` command. */
export const ProviderTransitionedToYear2Data = struct('ProviderTransitionedToYear2Data', {
  providerId: Id,
  on: LocalDate,
});
/** `ProviderTransitionedToYear2Data` as decoded. */
export type ProviderTransitionedToYear2Data = t.TypeOf<typeof ProviderTransitionedToYear2Data>;

/**
 * The provider moved on to Year 2 of the program, which the Year 1 guide prepares for from March. Lives in the
 * `provider` stream named by its `providerId`.
 */
export const ProviderTransitionedToYear2 = defineEvent({
  type: 'ProviderTransitionedToYear2',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'The provider moved on to Year 2 of the program, which the Year 1 guide prepares for from March.',
  data: ProviderTransitionedToYear2Data,
});

/** Record, once, that the provider moved on to Year 2. Accepted, it records `ProviderTransitionedToYear2`. */
export const TransitionProviderToYear2 = defineCommand({
  type: 'TransitionProviderToYear2',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record, once, that the provider moved on to Year 2.',
  data: ProviderTransitionedToYear2Data,
  produces: ['ProviderTransitionedToYear2'],
});
