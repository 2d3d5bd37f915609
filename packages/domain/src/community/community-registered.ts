import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Text, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** RiR implements in communities and counties, MiMTSS in school districts (`000`, `004`). */
export const CommunityKind = oneOf('CommunityKind', 'community', 'county', 'district');
export type CommunityKind = t.TypeOf<typeof CommunityKind>;

/** The data of the `CommunityRegistered` event and of the `RegisterCommunity` command. */
export const CommunityRegisteredData = struct('CommunityRegisteredData', {
  communityId: Id,
  name: Text,
  kind: CommunityKind,
});
/** `CommunityRegisteredData` as decoded. */
export type CommunityRegisteredData = t.TypeOf<typeof CommunityRegisteredData>;

/**
 * An implementing community, county or district joined the program. Lives in the `community` stream named by its
 * `communityId`.
 */
export const CommunityRegistered = defineEvent({
  type: 'CommunityRegistered',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'An implementing community, county or district joined the program.',
  data: CommunityRegisteredData,
});

/** Register an implementing community, county or district, once. Accepted, it records `CommunityRegistered`. */
export const RegisterCommunity = defineCommand({
  type: 'RegisterCommunity',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Register an implementing community, county or district, once.',
  data: CommunityRegisteredData,
  produces: ['CommunityRegistered'],
});
