import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, LocalDate } from '../shared/primitives';
import { struct } from '../shared/struct';

export const ProviderReassignedData = struct('ProviderReassignedData', {
  providerId: Id,
  fromCoachId: Id,
  toCoachId: Id,
  on: LocalDate,
});
export type ProviderReassignedData = t.TypeOf<typeof ProviderReassignedData>;

export const ProviderReassigned = defineEvent({
  type: 'ProviderReassigned',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'A provider moved from one coach’s caseload to another’s.',
  data: ProviderReassignedData,
});

export const ReassignProvider = defineCommand({
  type: 'ReassignProvider',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Move a provider from their current coach to another coach.',
  data: ProviderReassignedData,
  produces: ['ProviderReassigned'],
});
