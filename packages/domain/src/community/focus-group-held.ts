import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `FocusGroupHeld` event and of the `RecordFocusGroup` command. */
export const FocusGroupHeldData = struct('FocusGroupHeldData', { communityId: Id, heldOn: LocalDate });
/** `FocusGroupHeldData` as decoded. */
export type FocusGroupHeldData = t.TypeOf<typeof FocusGroupHeldData>;

/**
 * The evaluation partner held its focus group with the community (MMI in RiR, `000`). Lives in the `community`
 * stream named by its `communityId`.
 */
export const FocusGroupHeld = defineEvent({
  type: 'FocusGroupHeld',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'The evaluation partner held its focus group with the community (MMI in RiR, `000`).',
  data: FocusGroupHeldData,
});

/** Record the evaluation focus group held with the community. Accepted, it records `FocusGroupHeld`. */
export const RecordFocusGroup = defineCommand({
  type: 'RecordFocusGroup',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Record the evaluation focus group held with the community.',
  data: FocusGroupHeldData,
  produces: ['FocusGroupHeld'],
});
