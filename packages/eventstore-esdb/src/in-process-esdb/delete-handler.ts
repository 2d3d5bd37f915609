/**
 * The Streams service's `Delete` (soft delete) and `Tombstone` (hard delete) calls. Refusals are
 * errors with EventStoreDB's trailers, which the client turns into WrongExpectedVersionError and
 * StreamDeletedError.
 */
import { status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { DeleteReq, DeleteResp, TombstoneReq, TombstoneResp } from '@eventstore/db-client/generated/streams_pb';
import { expectedState, failure, streamDeleted } from './append-handler';
import type { DeletionOutcome, ExpectedStreamState, InMemoryLog } from './in-memory-log';
import { streamNameFromWire } from './wire-format';

/** How the server writes an expected version in its trailers (EventStoreDB's ExpectedVersion constants). */
const expectedVersionTrailer = (expected: ExpectedStreamState): string => {
  switch (expected.kind) {
    case 'revision':
      return String(expected.revision);
    case 'no-stream':
      return '-1';
    case 'any':
      return '-2';
    case 'stream-exists':
      return '-4';
  }
};

const wrongExpectedVersion = (stream: string, expected: ExpectedStreamState, current: number | undefined) =>
  failure(status.FAILED_PRECONDITION, `Append failed due to WrongExpectedVersion. Stream: ${stream}.`, {
    exception: 'wrong-expected-version',
    'stream-name': stream,
    'expected-version': expectedVersionTrailer(expected),
    ...(current === undefined ? {} : { 'actual-version': String(current) }),
  });

interface PositionMessage<Self> {
  setCommitPosition(value: string): Self;
  setPreparePosition(value: string): Self;
}

const answer = <Response, Position extends PositionMessage<Position>>(
  log: InMemoryLog,
  request: DeleteReq | TombstoneReq,
  hard: boolean,
  respond: (position: Position | undefined) => Response,
  newPosition: () => Position,
  callback: sendUnaryData<Response>,
): void => {
  const options = request.getOptions();
  if (options === undefined) return callback(failure(status.INVALID_ARGUMENT, 'Delete without options.'));
  const stream = streamNameFromWire(options.getStreamIdentifier());
  const expected = expectedState(options);
  const outcome: DeletionOutcome = log.delete(stream, expected, hard);
  switch (outcome.kind) {
    case 'stream-deleted':
      return callback(streamDeleted(stream));
    case 'wrong-expected-version':
      return callback(wrongExpectedVersion(stream, expected, outcome.currentRevision));
    case 'deleted': {
      const at = outcome.position?.toString();
      callback(
        null,
        respond(at === undefined ? undefined : newPosition().setCommitPosition(at).setPreparePosition(at)),
      );
    }
  }
};

export const deleteHandler =
  (log: InMemoryLog) =>
  (call: ServerUnaryCall<DeleteReq, DeleteResp>, callback: sendUnaryData<DeleteResp>): void =>
    answer(
      log,
      call.request,
      false,
      (position: DeleteResp.Position | undefined) =>
        position === undefined ? new DeleteResp().setNoPosition(new Empty()) : new DeleteResp().setPosition(position),
      () => new DeleteResp.Position(),
      callback,
    );

export const tombstoneHandler =
  (log: InMemoryLog) =>
  (call: ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: sendUnaryData<TombstoneResp>): void =>
    answer(
      log,
      call.request,
      true,
      (position: TombstoneResp.Position | undefined) =>
        position === undefined
          ? new TombstoneResp().setNoPosition(new Empty())
          : new TombstoneResp().setPosition(position),
      () => new TombstoneResp.Position(),
      callback,
    );
