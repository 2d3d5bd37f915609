import { DomainError, invalid } from '@coachline/domain';
import type { EventStore } from '@coachline/eventstore';
import * as E from 'fp-ts/Either';

/**
 * Whether the store holds the position a view is asked to be computed through: a view through a
 * position the store has not reached would stand on a history that is not there yet.
 */
export const storeReaches = async (
  store: Pick<EventStore, 'headPosition'>,
  position: number,
): Promise<E.Either<DomainError, number>> => {
  const head = await store.headPosition();
  if (position <= head) return E.right(position);
  const message = `No event has position ${position}: the store is at ${head}.`;
  return E.left(invalid('unknown-position', message, [{ path: 'query.throughPosition', message }]));
};
