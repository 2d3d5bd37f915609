import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, Text, nonEmptyArray, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** A center-based program or a family child care home: evaluation consent and observations apply to centers only. */
export const SiteSetting = oneOf('SiteSetting', 'center', 'fcch');
export type SiteSetting = t.TypeOf<typeof SiteSetting>;

/** The ages a provider's classroom serves; they decide between TPOT (preschool) and TPITOS (infant–toddler). */
export const AgeGroup = oneOf('AgeGroup', 'infant', 'toddler', 'preschool');
export type AgeGroup = t.TypeOf<typeof AgeGroup>;

export const ProviderSite = struct('ProviderSite', { siteId: Id, name: Text, setting: SiteSetting });
export type ProviderSite = t.TypeOf<typeof ProviderSite>;

/** The data of the `ProviderEnrolled` event and of the `EnrollProvider` command. */
export const ProviderEnrolledData = struct('ProviderEnrolledData', {
  providerId: Id,
  communityId: Id,
  programYearId: Id,
  name: Text,
  site: ProviderSite,
  agesServed: nonEmptyArray(AgeGroup, 'AgesServed'),
  coachId: Id,
  enrolledOn: LocalDate,
});
/** `ProviderEnrolledData` as decoded. */
export type ProviderEnrolledData = t.TypeOf<typeof ProviderEnrolledData>;

/**
 * A provider entered a program year of a community, at a site, with the coach assigned to them. Lives in the
 * `provider` stream named by its `providerId`.
 */
export const ProviderEnrolled = defineEvent({
  type: 'ProviderEnrolled',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'A provider entered a program year of a community, at a site, with the coach assigned to them.',
  data: ProviderEnrolledData,
});

/** Enroll a provider, once, in a program year with a coach. Accepted, it records `ProviderEnrolled`. */
export const EnrollProvider = defineCommand({
  type: 'EnrollProvider',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Enroll a provider, once, in a program year with a coach.',
  data: ProviderEnrolledData,
  produces: ['ProviderEnrolled'],
});
