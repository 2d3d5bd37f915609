import * as E from 'fp-ts/Either';
import { decodeRecordedEvent, findEventDefinition, RecordedEvent } from '@coachline/domain';
import { StoredEvent, UnreadableEventError } from '@coachline/eventstore';

/**
 * A stored event as projections read it. Events of the current schema version were checked by
 * the domain when they were written and are passed through as they are; older versions are
 * decoded and upcast. Rebuilding a view thus costs no second validation of every event.
 */
export const asRecordedEvent = (stored: StoredEvent): RecordedEvent => {
  const definition = findEventDefinition(stored.type);
  if (definition && definition.schemaVersion === stored.schemaVersion) return stored as unknown as RecordedEvent;
  const decoded = decodeRecordedEvent(stored);
  if (E.isLeft(decoded)) throw new UnreadableEventError(stored.stream, stored.revision, decoded.left);
  return decoded.right;
};
