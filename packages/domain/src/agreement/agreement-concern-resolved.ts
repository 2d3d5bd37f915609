import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `AgreementConcernResolved` event and of the `ResolveAgreementConcern` command. */
export const AgreementConcernResolvedData = struct('AgreementConcernResolvedData', {
  agreementId: Id,
  concernId: Id,
  resolvedOn: LocalDate,
  /** What was agreed, in the words of those who settled it. */
  resolution: Text,
});
/** `AgreementConcernResolvedData` as decoded. */
export type AgreementConcernResolvedData = t.TypeOf<typeof AgreementConcernResolvedData>;

/**
 * A concern raised about the agreement was resolved (`002`). Lives in the `agreement` stream named by its
 * `agreementId`.
 */
export const AgreementConcernResolved = defineEvent({
  type: 'AgreementConcernResolved',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'A concern raised about the agreement was resolved (`002`).',
  data: AgreementConcernResolvedData,
});

/**
 * Resolve a concern raised, by its id, on an agreement that has not ended; once. Accepted, it records
 * `AgreementConcernResolved`.
 */
export const ResolveAgreementConcern = defineCommand({
  type: 'ResolveAgreementConcern',
  streamKind: 'agreement',
  streamIdField: 'agreementId',
  description: 'Resolve a concern raised, by its id, on an agreement that has not ended; once.',
  data: AgreementConcernResolvedData,
  produces: ['AgreementConcernResolved'],
});
