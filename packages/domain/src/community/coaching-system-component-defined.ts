import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, Text, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The seven components of a district coaching system (`004`), in the order it lists them. */
export const CoachingSystemComponent = oneOf(
  'CoachingSystemComponent',
  'definition',
  'conditions-warranting-coaching',
  'recruitment-selection',
  'supervision-accountability',
  'decision-making-authority',
  'time-allocation',
  'service-delivery-plan',
);
export type CoachingSystemComponent = t.TypeOf<typeof CoachingSystemComponent>;

/** The data of the `CoachingSystemComponentDefined` event and of the `DefineCoachingSystemComponent` command. */
export const CoachingSystemComponentDefinedData = struct(
  'CoachingSystemComponentDefinedData',
  { communityId: Id, component: CoachingSystemComponent, text: Text },
  // Definitions recorded before guides dated them carry no day; a dated one counts toward the guide's requirement.
  { definedOn: LocalDate },
);
/** `CoachingSystemComponentDefinedData` as decoded. */
export type CoachingSystemComponentDefinedData = t.TypeOf<typeof CoachingSystemComponentDefinedData>;

/**
 * A community wrote one component of its coaching system; a later definition of the same component revises it
 * until the system is approved (`004`). Lives in the `community` stream named by its `communityId`.
 */
export const CoachingSystemComponentDefined = defineEvent({
  type: 'CoachingSystemComponentDefined',
  streamKind: 'community',
  streamIdField: 'communityId',
  description:
    'A community wrote one component of its coaching system; a later definition of the same component revises it until the system is approved (`004`).',
  data: CoachingSystemComponentDefinedData,
});

/**
 * Define, or revise, one component of a coaching system not yet approved. Accepted, it records
 * `CoachingSystemComponentDefined`.
 */
export const DefineCoachingSystemComponent = defineCommand({
  type: 'DefineCoachingSystemComponent',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Define, or revise, one component of a coaching system not yet approved.',
  data: CoachingSystemComponentDefinedData,
  produces: ['CoachingSystemComponentDefined'],
});
