/**
 * Coachline's global position is EventStoreDB's commit position, the byte offset of the event in
 * the transaction log, taken as a number:
 * - it is positive and strictly increasing in $all order, as the port requires (it is not
 *   contiguous: the gaps are the bytes of each record and of system events);
 * - events appended over gRPC are committed by their own prepare record, so their commit and
 *   prepare positions are equal and one number identifies the event: `after` converts back to
 *   `{ commit: after, prepare: after }`;
 * - it stays exact while the log is under 2^53 bytes (8 PiB); beyond that the adapter refuses
 *   rather than round.
 */
import { START, type Position, type ReadPosition } from '@eventstore/db-client';

/** What servers before 22.6 report instead of a position on stream reads (ulong.MaxValue). */
const NO_POSITION = 2n ** 64n - 1n;
const LARGEST_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

export const coachlinePosition = (position: Position | undefined, what: string): number => {
  if (position === undefined || position.commit >= NO_POSITION) {
    throw new Error(
      `EventStoreDB did not report the $all position of ${what}; Coachline needs a server that does (EventStoreDB 22.6 or later, KurrentDB).`,
    );
  }
  if (position.commit <= 0n || position.commit > LARGEST_EXACT) {
    throw new RangeError(`Commit position ${position.commit} of ${what} is outside 1..${Number.MAX_SAFE_INTEGER}.`);
  }
  return Number(position.commit);
};

/** The EventStoreDB position of the event at a Coachline position. */
export const esdbPosition = (position: number): Position => {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`Position ${position} is not a non-negative integer.`);
  }
  return { commit: BigInt(position), prepare: BigInt(position) };
};

/** Where a read or a subscription that wants everything after `after` starts. */
export const readPositionAfter = (after: number): ReadPosition => (after === 0 ? START : esdbPosition(after));
