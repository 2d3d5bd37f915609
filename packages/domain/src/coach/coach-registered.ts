import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Text, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** Roles from the MiMTSS coaching system (`004`) and RiR's coach lead. */
export const CoachRole = oneOf(
  'CoachRole',
  'coach',
  'coach-lead',
  'district-coordinator',
  'instructional-coach',
  'systems-coach',
  'supervisor',
);

/** The data of the `CoachRegistered` event and of the `RegisterCoach` command. */
export const CoachRegisteredData = struct('CoachRegisteredData', {
  coachId: Id,
  communityId: Id,
  name: Text,
  role: CoachRole,
});
/** `CoachRegisteredData` as decoded. */
export type CoachRegisteredData = t.TypeOf<typeof CoachRegisteredData>;

/**
 * A coach joined a community’s coaching system in one of its coaching roles. Lives in the `coach` stream named by
 * its `coachId`.
 */
export const CoachRegistered = defineEvent({
  type: 'CoachRegistered',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'A coach joined a community’s coaching system in one of its coaching roles.',
  data: CoachRegisteredData,
});

/** Register a coach, once, in a community. Accepted, it records `CoachRegistered`. */
export const RegisterCoach = defineCommand({
  type: 'RegisterCoach',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Register a coach, once, in a community.',
  data: CoachRegisteredData,
  produces: ['CoachRegistered'],
});
