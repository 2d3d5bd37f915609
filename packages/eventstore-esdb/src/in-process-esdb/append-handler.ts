/**
 * The Streams service's `Append` call: the options message, then the proposed events, then one
 * answer: success, or WrongExpectedVersion as a response (not an error), as EventStoreDB 21+ does.
 */
import {
  Metadata,
  status,
  type sendUnaryData,
  type ServerErrorResponse,
  type ServerReadableStream,
} from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, ExpectedStreamState, InMemoryLog, ProposedEvent } from './in-memory-log';
import { streamNameFromWire, uuidFromWire } from './wire-format';

type AppendCall = ServerReadableStream<AppendReq, AppendResp>;

const { ExpectedStreamRevisionCase } = AppendReq.Options;

/** The expectation of an append, delete or tombstone (their options share the field numbers). */
export interface ExpectingOptions {
  getExpectedStreamRevisionCase(): number;
  getRevision(): string;
}

export const expectedState = (options: ExpectingOptions): ExpectedStreamState => {
  switch (options.getExpectedStreamRevisionCase()) {
    case ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: Number(options.getRevision()) };
    case ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no-stream' };
    case ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream-exists' };
    default:
      return { kind: 'any' };
  }
};

export const failure = (code: status, details: string, trailers: Record<string, string> = {}): ServerErrorResponse => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
};

const proposedEvent = (message: AppendReq.ProposedMessage): ProposedEvent | ServerErrorResponse => {
  const eventId = uuidFromWire(message.getId());
  const type = message.getMetadataMap().get('type');
  if (eventId === undefined) return failure(status.INVALID_ARGUMENT, 'Event id is not a UUID.');
  if (type === undefined || type === '') return failure(status.INVALID_ARGUMENT, 'Event type is missing.');
  return {
    eventId,
    type,
    contentType: message.getMetadataMap().get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
};

const wrongExpectedVersion = (current: number | undefined, expected: ExpectedStreamState): AppendResp => {
  const error = new AppendResp.WrongExpectedVersion();
  if (current === undefined) error.setCurrentNoStream(new Empty());
  else error.setCurrentRevision(String(current));
  if (expected.kind === 'revision') error.setExpectedRevision(String(expected.revision));
  else if (expected.kind === 'no-stream') error.setExpectedNoStream(new Empty());
  else if (expected.kind === 'stream-exists') error.setExpectedStreamExists(new Empty());
  else error.setExpectedAny(new Empty());
  return new AppendResp().setWrongExpectedVersion(error);
};

const response = (
  outcome: Exclude<AppendOutcome, { kind: 'stream-deleted' }>,
  expected: ExpectedStreamState,
): AppendResp => {
  if (outcome.kind === 'wrong-expected-version') return wrongExpectedVersion(outcome.currentRevision, expected);
  const success = new AppendResp.Success();
  if (outcome.currentRevision === undefined) success.setNoStream(new Empty());
  else success.setCurrentRevision(String(outcome.currentRevision));
  if (outcome.kind === 'nothing-written') success.setNoPosition(new Empty());
  else {
    const position = outcome.position.toString();
    success.setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
  }
  return new AppendResp().setSuccess(success);
};

/** What the server answers a write to a tombstoned stream with. */
export const streamDeleted = (stream: string): ServerErrorResponse =>
  failure(status.FAILED_PRECONDITION, `Event stream '${stream}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': stream,
  });

/** `maxAppendSize`: the most bytes of data and metadata one append may carry (EventStoreDB's MaxAppendSize). */
export const appendHandler =
  (log: InMemoryLog, maxAppendSize: number) =>
  (call: AppendCall, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    let size = 0;
    let refused: ServerErrorResponse | undefined;
    call.on('data', (request: AppendReq) => {
      if (refused !== undefined) return;
      if (request.hasOptions()) {
        options = request.getOptions();
        return;
      }
      const message = request.getProposedMessage();
      if (message === undefined) return;
      const event = proposedEvent(message);
      if (event instanceof Error) {
        refused = event;
        return;
      }
      size += event.data.length + event.customMetadata.length;
      if (size > maxAppendSize) {
        refused = failure(status.INVALID_ARGUMENT, `Maximum append size of ${maxAppendSize} exceeded.`, {
          exception: 'maximum-append-size-exceeded',
          'maximum-append-size': String(maxAppendSize),
        });
        return;
      }
      events.push(event);
    });
    call.on('end', () => {
      if (refused !== undefined) return callback(refused);
      if (options === undefined) return callback(failure(status.INVALID_ARGUMENT, 'Append without options.'));
      const stream = streamNameFromWire(options.getStreamIdentifier());
      const expected = expectedState(options);
      const outcome = log.append(stream, events, expected);
      if (outcome.kind === 'stream-deleted') return callback(streamDeleted(stream));
      callback(null, response(outcome, expected));
    });
  };
