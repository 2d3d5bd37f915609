import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, Sentences } from '../kernel/primitives';
import { forbiddenField, struct } from '../kernel/struct';

/** The data of the `DebriefHeld` event and of the `HoldDebrief` command. */
export const DebriefHeldData = struct(
  'DebriefHeldData',
  { providerId: Id, observationId: Id, heldOn: LocalDate, strengths: Sentences, nextSteps: Sentences },
  // Providers read the debrief, so scores sent along are refused by name rather than dropped.
  { scores: forbiddenField('a debrief never carries observation scores (rule 5)') },
);
/** `DebriefHeldData` as decoded. */
export type DebriefHeldData = t.TypeOf<typeof DebriefHeldData>;

/**
 * The observer debriefed a completed observation with the provider: strengths and next steps, never scores (rule
 * 5). Lives in the `provider` stream named by its `providerId`.
 */
export const DebriefHeld = defineEvent({
  type: 'DebriefHeld',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'The observer debriefed a completed observation with the provider: strengths and next steps, never scores (rule 5).',
  data: DebriefHeldData,
});

/**
 * Record the debrief of a completed observation, once, with its strengths and next steps. Accepted, it records
 * `DebriefHeld`.
 */
export const HoldDebrief = defineCommand({
  type: 'HoldDebrief',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record the debrief of a completed observation, once, with its strengths and next steps.',
  data: DebriefHeldData,
  produces: ['DebriefHeld'],
});
