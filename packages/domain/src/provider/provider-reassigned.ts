import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `ProviderReassigned` event and of the `ReassignProvider` command. */
export const ProviderReassignedData = struct('ProviderReassignedData', {
  providerId: Id,
  fromCoachId: Id,
  toCoachId: Id,
  on: LocalDate,
});
/** `ProviderReassignedData` as decoded. */
export type ProviderReassignedData = t.TypeOf<typeof ProviderReassignedData>;

/**
 * A provider moved from one coach’s caseload to another’s. Lives in the `provider` stream named by its
 * `providerId`.
 */
export const ProviderReassigned = defineEvent({
  type: 'ProviderReassigned',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'A provider moved from one coach’s caseload to another’s.',
  data: ProviderReassignedData,
});

/** Move a provider from their current coach to another coach. Accepted, it records `ProviderReassigned`. */
export const ReassignProvider = defineCommand({
  type: 'ReassignProvider',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Move a provider from their current coach to another coach.',
  data: ProviderReassignedData,
  produces: ['ProviderReassigned'],
});
