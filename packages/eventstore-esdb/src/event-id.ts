/**
 * EventStoreDB keys every event by a UUID. Coachline's event ids are used as they are when they
 * already are canonical UUIDs; any other id is mapped to a name-based UUID (RFC 4122 version 5),
 * so the same Coachline id always gives the same EventStoreDB id, and the original id travels in
 * the event's metadata.
 */
import { createHash } from 'node:crypto';

/** The namespace of the ids derived from Coachline event ids; fixed forever, or ids would change. */
export const COACHLINE_EVENT_ID_NAMESPACE = 'f5334319-c5b7-4dd1-bdf5-d862b8441da7';

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** True when EventStoreDB would store and return the id unchanged (it lowercases, and refuses the nil UUID). */
export const isEsdbEventId = (id: string): boolean => CANONICAL_UUID.test(id) && id !== NIL_UUID;

const formatUuid = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/** RFC 4122 name-based UUID with SHA-1 (version 5). */
export const nameBasedUuid = (name: string, namespace: string): string => {
  const digest = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  return formatUuid(bytes);
};

export const esdbEventId = (coachlineId: string): string =>
  isEsdbEventId(coachlineId) ? coachlineId : nameBasedUuid(coachlineId, COACHLINE_EVENT_ID_NAMESPACE);
