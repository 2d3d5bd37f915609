import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `ConsentWithdrawn` event and of the `WithdrawConsent` command. */
export const ConsentWithdrawnData = struct('ConsentWithdrawnData', {
  providerId: Id,
  consentId: Id,
  withdrawnOn: LocalDate,
});
/** `ConsentWithdrawnData` as decoded. */
export type ConsentWithdrawnData = t.TypeOf<typeof ConsentWithdrawnData>;

/**
 * A provider withdrew an evaluation consent: no observation may be scheduled or completed under it from then on
 * (rule 4). Lives in the `provider` stream named by its `providerId`.
 */
export const ConsentWithdrawn = defineEvent({
  type: 'ConsentWithdrawn',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'A provider withdrew an evaluation consent: no observation may be scheduled or completed under it from then on (rule 4).',
  data: ConsentWithdrawnData,
});

/** Withdraw an uploaded evaluation consent that is still current. Accepted, it records `ConsentWithdrawn`. */
export const WithdrawConsent = defineCommand({
  type: 'WithdrawConsent',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Withdraw an uploaded evaluation consent that is still current.',
  data: ConsentWithdrawnData,
  produces: ['ConsentWithdrawn'],
});
