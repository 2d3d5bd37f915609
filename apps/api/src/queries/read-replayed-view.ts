import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type DomainError, invalid } from '@coachline/domain';
import type { EventStore } from '@coachline/eventstore';
import type { AnyProjection } from '@coachline/projections';
import { viewFromStore } from '@coachline/views';
import * as E from 'fp-ts/Either';
import { EVENT_STORE } from '../app/injection-tokens';
import { storeReaches } from './through-position';
import type { ViewParams } from './view-params';

/**
 * A read of a program view replayed from the store (`GET /coaches`, `GET /implementation-plan`),
 * by community when asked.
 */
export class ReadReplayedView extends Query<E.Either<DomainError, unknown>> {
  constructor(
    readonly projection: AnyProjection,
    readonly params: ViewParams,
  ) {
    super();
  }
}

/**
 * The view replayed from the store on each read, as of the newest recordedAt unless the reader
 * names a moment, from every event unless the reader names the position to stop at: supervisors read the coaches and the plans now and then, and their few events
 * are not worth views kept live beside the day's work.
 */
@QueryHandler(ReadReplayedView)
export class ReadReplayedViewHandler implements IQueryHandler<ReadReplayedView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projection, params }: ReadReplayedView): Promise<E.Either<DomainError, unknown>> {
    const position = params.waitForPosition;
    if (position !== undefined) {
      // The store is read whole on each read, so any position it holds is already reached.
      const head = await this.store.headPosition();
      if (position > head) {
        const message = `No event has position ${position}: the store is at ${head}.`;
        return E.left(invalid('unknown-position', message, [{ path: 'query.waitForPosition', message }]));
      }
    }
    if (params.throughPosition !== undefined) {
      const reached = await storeReaches(this.store, params.throughPosition);
      if (E.isLeft(reached)) return reached;
    }
    const view = await viewFromStore<unknown>(this.store, projection, {
      ...(params.asOf !== undefined ? { asOf: params.asOf } : {}),
      ...(params.throughPosition !== undefined ? { untilPosition: params.throughPosition } : {}),
      ...(params.communityId !== undefined ? { communityId: params.communityId } : {}),
    });
    return E.right(view);
  }
}
