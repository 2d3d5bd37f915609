import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `ProviderExited` event and of the `ExitProvider` command. */
export const ProviderExitedData = struct('ProviderExitedData', { providerId: Id, on: LocalDate, reason: Text });
/** `ProviderExitedData` as decoded. */
export type ProviderExitedData = t.TypeOf<typeof ProviderExitedData>;

/**
 * The provider left the program. Nothing new happens with them afterwards; sessions held before the exit may still
 * be logged, and logged sessions corrected or voided (rule 12). Lives in the `provider` stream named by its
 * `providerId`.
 */
export const ProviderExited = defineEvent({
  type: 'ProviderExited',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'The provider left the program. Nothing new happens with them afterwards; sessions held before the exit may still be logged, and logged sessions corrected or voided (rule 12).',
  data: ProviderExitedData,
});

/**
 * Record, once, that the provider left the program, on or after the day they enrolled. Accepted, it records
 * `ProviderExited`.
 */
export const ExitProvider = defineCommand({
  type: 'ExitProvider',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record, once, that the provider left the program, on or after the day they enrolled.',
  data: ProviderExitedData,
  produces: ['ProviderExited'],
});
