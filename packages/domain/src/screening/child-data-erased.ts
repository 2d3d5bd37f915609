import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `ChildDataErased` event and of the `EraseChildData` command. */
export const ChildDataErasedData = struct('ChildDataErasedData', { screeningId: Id, childRef: Id, on: LocalDate });
/** `ChildDataErasedData` as decoded. */
export type ChildDataErasedData = t.TypeOf<typeof ChildDataErasedData>;

/**
 * A family’s request to erase their child’s data was honoured on this screening: the child’s key is destroyed,
 * earlier events stay but can no longer be read, and the screening accepts nothing more (rule 11). Lives in the
 * `screening` stream named by its `screeningId`.
 */
export const ChildDataErased = defineEvent({
  type: 'ChildDataErased',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description:
    'A family’s request to erase their child’s data was honoured on this screening: the child’s key is destroyed, earlier events stay but can no longer be read, and the screening accepts nothing more (rule 11).',
  data: ChildDataErasedData,
});

/**
 * Erase the data of the child this screening concerns, once; recorded on each of the child’s screenings. Accepted,
 * it records `ChildDataErased`.
 */
export const EraseChildData = defineCommand({
  type: 'EraseChildData',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description: 'Erase the data of the child this screening concerns, once; recorded on each of the child’s screenings.',
  data: ChildDataErasedData,
  produces: ['ChildDataErased'],
});
