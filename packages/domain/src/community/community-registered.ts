import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, Text, oneOf } from '../shared/primitives';
import { struct } from '../shared/struct';

/** RiR implements in communities and counties, MiMTSS in school districts (`000`, `004`). */
export const CommunityKind = oneOf('CommunityKind', 'community', 'county', 'district');
export type CommunityKind = t.TypeOf<typeof CommunityKind>;

export const CommunityRegisteredData = struct('CommunityRegisteredData', {
  communityId: Id,
  name: Text,
  kind: CommunityKind,
});
export type CommunityRegisteredData = t.TypeOf<typeof CommunityRegisteredData>;

export const CommunityRegistered = defineEvent({
  type: 'CommunityRegistered',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'An implementing community, county or district joined the program.',
  data: CommunityRegisteredData,
});

export const RegisterCommunity = defineCommand({
  type: 'RegisterCommunity',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Register an implementing community, county or district, once.',
  data: CommunityRegisteredData,
  produces: ['CommunityRegistered'],
});
