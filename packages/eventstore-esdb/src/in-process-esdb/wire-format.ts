/**
 * Conversions between the log's records and the protobuf messages of EventStoreDB's gRPC API,
 * built on the classes the client ships so that both ends speak the same generated code.
 */
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import type { LogRecord } from './in-memory-log';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The canonical form of a wire UUID, or undefined when the client sent something else. */
export const uuidFromWire = (uuid: UUID | undefined): string | undefined => {
  if (uuid === undefined) return undefined;
  if (uuid.hasStructured()) {
    const structured = uuid.getStructured() as UUID.Structured;
    const bytes = Buffer.alloc(16);
    bytes.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
    bytes.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  const text = uuid.getString().toLowerCase();
  return UUID_PATTERN.test(text) ? text : undefined;
};

export const streamNameFromWire = (identifier: StreamIdentifier | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');

export const streamIdentifier = (name: string): StreamIdentifier =>
  new StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));

const uuidToWire = (eventId: string, structured: boolean): UUID => {
  if (!structured) return new UUID().setString(eventId);
  const bytes = Buffer.from(eventId.replace(/-/g, ''), 'hex');
  return new UUID().setStructured(
    new UUID.Structured()
      .setMostSignificantBits(bytes.readBigInt64BE(0).toString())
      .setLeastSignificantBits(bytes.readBigInt64BE(8).toString()),
  );
};

/** What servers before 22.6 put in the position fields of events read from a stream (ulong.MaxValue). */
const NO_POSITION = (2n ** 64n - 1n).toString();

/**
 * A read or subscription message carrying one record, with its $all position unless
 * `withPosition` is false (stream reads on servers before 22.6).
 */
export const readEventMessage = (record: LogRecord, structuredIds: boolean, withPosition = true): ReadResp => {
  const position = withPosition ? record.position.toString() : NO_POSITION;
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidToWire(record.eventId, structuredIds))
    .setStreamIdentifier(streamIdentifier(record.stream))
    .setStreamRevision(String(record.revision))
    .setCommitPosition(position)
    .setPreparePosition(position)
    .setData(record.data)
    .setCustomMetadata(record.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', record.created.toString());
  const event = new ReadResp.ReadEvent().setEvent(recorded);
  if (withPosition) event.setCommitPosition(position);
  else event.setNoPosition(new Empty());
  return new ReadResp().setEvent(event);
};
