import { DomainError, invalid } from '@coachline/domain';
import type { EventStore } from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import type { ProjectionHost } from './projection-host';
import { storeReaches } from './through-position';
import { ViewUnavailableError } from './view-unavailable';

/**
 * Waits until every view a reading is drawn from has folded the position the reader asked for
 * (`waitForPosition`, to read their own write). A position the store never reached is the
 * reader's fault (400 `unknown-position`); views that do not get there in time, or a parked view,
 * are the system's (503, thrown).
 */
export const viewsAtPosition = async (
  host: ProjectionHost,
  store: EventStore,
  views: { readonly names: ReadonlyArray<string>; readonly called: string },
  position: number,
  limitMs: number,
): Promise<E.Either<DomainError, void>> => {
  if (views.names.some((name) => position > host.positionOf(name))) {
    const head = await store.headPosition();
    if (position > head) {
      const message = `No event has position ${position}: the store is at ${head}.`;
      return E.left(invalid('unknown-position', message, [{ path: 'query.waitForPosition', message }]));
    }
  }
  if (host.hasReached(views.names, position)) return E.right(undefined);
  const waited = await host.waitFor(views.names, position, limitMs);
  if (waited === 'reached') return E.right(undefined);
  throw new ViewUnavailableError(
    waited === 'timed-out' ? 'view-behind' : 'view-parked',
    waited === 'timed-out'
      ? `${views.called} did not reach position ${position} within ${limitMs} ms; try again in a moment.`
      : `The ${waited.parked} view stopped on an event it could not fold; an operator must resume it.`,
  );
};

/**
 * Whether a reading can be answered where it asks to stand: through a position the store holds (its
 * views then replayed from the store), else once its views have folded `waitForPosition`.
 */
export const readingReaches = (
  host: ProjectionHost,
  store: EventStore,
  views: { readonly names: ReadonlyArray<string>; readonly called: string },
  params: { readonly throughPosition?: number | undefined; readonly waitForPosition?: number | undefined },
  limitMs: number,
): Promise<E.Either<DomainError, unknown>> =>
  params.throughPosition !== undefined
    ? storeReaches(store, params.throughPosition)
    : viewsAtPosition(host, store, views, params.waitForPosition ?? 0, limitMs);
