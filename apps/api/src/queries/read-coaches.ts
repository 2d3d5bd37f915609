import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type DomainError, invalid } from '@coachline/domain';
import type { EventStore } from '@coachline/eventstore';
import { coachesProjection, CoachesView } from '@coachline/projections';
import { viewFromStore } from '@coachline/views';
import * as E from 'fp-ts/Either';
import { EVENT_STORE } from '../app/injection-tokens';
import type { ViewParams } from './view-params';

/** A read of the coaches and their qualifications (`GET /coaches`). */
export class ReadCoaches extends Query<E.Either<DomainError, CoachesView>> {
  constructor(readonly params: ViewParams) {
    super();
  }
}

/**
 * The coaches view replayed from the store on each read, as of the newest recordedAt unless the
 * reader names a moment: supervisors read it now and then, and a coach's few events are not worth
 * a view kept live beside the day's work.
 */
@QueryHandler(ReadCoaches)
export class ReadCoachesHandler implements IQueryHandler<ReadCoaches> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ params }: ReadCoaches): Promise<E.Either<DomainError, CoachesView>> {
    const position = params.waitForPosition;
    if (position !== undefined) {
      // The store is read whole on each read, so any position it holds is already reached.
      const head = await this.store.headPosition();
      if (position > head) {
        const message = `No event has position ${position}: the store is at ${head}.`;
        return E.left(invalid('unknown-position', message, [{ path: 'query.waitForPosition', message }]));
      }
    }
    const view = await viewFromStore<CoachesView>(this.store, coachesProjection, {
      ...(params.asOf !== undefined ? { asOf: params.asOf } : {}),
      ...(params.communityId !== undefined ? { communityId: params.communityId } : {}),
    });
    return E.right(view);
  }
}
