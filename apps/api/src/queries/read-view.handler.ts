import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError, forbidden, invalid } from '@coachline/domain';
import type { EventStore } from '@coachline/eventstore';
import { viewFromStore } from '@coachline/views';
import { DosageView, findProjection, ShareView } from '@coachline/projections';
import * as E from 'fp-ts/Either';
import { AccessRecorder } from '../access-log/access-recorder';
import { API_SETTINGS, type ApiSettings, CLOCK, type Clock, EVENT_STORE } from '../app/injection-tokens';
import { CaseloadsView, caseloadsProjection } from '../policy/caseloads.projection';
import { AUDITED_VIEWS } from '../policy/grants';
import { reachOf } from '../policy/reach';
import { isNarrowed, narrow, type Reach } from '../policy/view-scoping';
import { dosageInMonth } from './dosage-month';
import { ProjectionHost, WaitOutcome } from './projection-host';
import { ReadView } from './read-view.query';
import type { ViewParams } from './view-params';
import { storeReaches } from './through-position';
import { ViewUnavailableError } from './view-unavailable';
import { workingAsOf } from './working-clock';

/** Whose part of a view is asked for. */
const selectionOf = ({ providerId, communityId }: ViewParams) => ({
  ...(providerId !== undefined ? { providerId } : {}),
  ...(communityId !== undefined ? { communityId } : {}),
});

/** Views of the day's work: measured on today by the server's clock unless the reader names a moment. */
const WORKING_VIEWS: ReadonlySet<string> = new Set(['timeline']);

/**
 * Answers a view: waits until the runner has folded the position the reader asked for, renders
 * the live view (or replays the store as of a past moment), narrows it to what the reader may
 * see, and records the read when the view is a confidential one.
 */
@QueryHandler(ReadView)
export class ReadViewHandler implements IQueryHandler<ReadView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly host: ProjectionHost,
    private readonly recorder: AccessRecorder,
  ) {}

  async execute(read: ReadView): Promise<E.Either<DomainError, unknown>> {
    const { view, params } = read;
    if (params.throughPosition !== undefined) return this.through(read, params.throughPosition);
    const position = params.waitForPosition ?? 0;
    if (position > this.host.positionOf(view)) {
      const head = await this.store.headPosition();
      if (position > head) {
        const message = `No event has position ${position}: the store is at ${head}.`;
        return E.left(invalid('unknown-position', message, [{ path: 'query.waitForPosition', message }]));
      }
    }
    const folded = [view, caseloadsProjection.name];
    // Nearly every read finds its views there already, and goes on without awaiting a wait.
    if (!this.host.hasReached(folded, position)) {
      const waited = await this.host.waitFor(folded, position, this.settings.waitForPositionMs);
      if (waited !== 'reached') throw this.unavailable(view, waited, position);
    }

    const within = this.reachFor(read);
    if (E.isLeft(within)) return within;
    const reach = within.right;
    const query = selectionOf(params);
    const asOf = WORKING_VIEWS.has(view) ? workingAsOf(params.asOf, this.clock()) : params.asOf;
    // A moment the kept view has not passed is rendered from it; an earlier one is replayed.
    const rendered =
      asOf !== undefined && !this.host.rendersAt(view, asOf)
        ? await viewFromStore<unknown>(this.store, findProjection(view)!, { ...query, asOf })
        : reach && view === 'share' && asOf === undefined
          ? this.shareWithin(reach, query.providerId, position)
          : this.host.view<unknown>(view, query, position, asOf);
    return E.right(await this.answered(read, rendered, reach, { ...query, asOf: params.asOf }));
  }

  /**
   * The view computed from exactly the events up to `position`, replayed from the store and
   * measured as of their latest recordedAt, whatever the kept view has folded since: the same
   * numbers on every read, which the signed history up to that position accounts for.
   */
  private async through(read: ReadView, position: number): Promise<E.Either<DomainError, unknown>> {
    const { view, params } = read;
    const reached = await storeReaches(this.store, position);
    if (E.isLeft(reached)) return reached;
    // Who may be seen is who is within reach now, as for a read as of a past moment.
    const within = this.reachFor(read);
    if (E.isLeft(within)) return within;
    const reach = within.right;
    const query = selectionOf(params);
    const rendered = await viewFromStore<unknown>(this.store, findProjection(view)!, {
      ...query,
      untilPosition: position,
    });
    return E.right(await this.answered(read, rendered, reach, { ...query, throughPosition: position }));
  }

  /** Whose records the reader may see; a provider named beyond them is refused. */
  private reachFor({ params, actor, scope }: ReadView): E.Either<DomainError, Reach | undefined> {
    const reach = reachOf(actor, scope, () => this.host.currentView<CaseloadsView>(caseloadsProjection.name));
    if (reach && params.providerId !== undefined && !reach.providers.has(params.providerId)) {
      const message = `Provider ${params.providerId} is not within the reach of ${actor.id}.`;
      return E.left(forbidden('outside-caseload', message, [{ path: 'query.providerId', message }]));
    }
    return E.right(reach);
  }

  /** The view narrowed to the reader's reach and to the month asked, its read recorded when confidential. */
  private async answered(
    { view, params, actor, correlationId }: ReadView,
    rendered: unknown,
    reach: Reach | undefined,
    asked: Readonly<Record<string, string | number | undefined>>,
  ): Promise<unknown> {
    const narrowed = reach && isNarrowed(view) ? narrow(view, rendered, reach) : rendered;
    const answer =
      view === 'dosage' && params.month !== undefined ? dosageInMonth(narrowed as DosageView, params.month) : narrowed;
    if (AUDITED_VIEWS.has(view)) await this.recorder.record(actor, view, asked, correlationId);
    return answer;
  }

  /**
   * The share of the providers within reach, put together from each one's share as kept for
   * readers rather than taken from everyone's: the same providers in the same order, as the whole
   * view narrowed would give them, and nothing rendered again for another provider's session.
   */
  private shareWithin(reach: Reach, providerId: string | undefined, position: number): ShareView {
    // Ids are compared as the view orders them, by UTF-16 code units.
    const within = [...reach.providers].filter((id) => providerId === undefined || id === providerId).sort();
    const shares = within.map((id) => this.host.view<ShareView>('share', { providerId: id }, position));
    // No provider is called '': its share is the empty one, as of the view's moment.
    const asOf = (shares[0] ?? this.host.view<ShareView>('share', { providerId: '' }, position)).asOf;
    return { asOf, providers: shares.flatMap((share) => share.providers) };
  }

  private unavailable(view: string, waited: Exclude<WaitOutcome, 'reached'>, position: number): ViewUnavailableError {
    if (waited !== 'timed-out')
      return new ViewUnavailableError(
        'view-parked',
        `The ${waited.parked} view stopped on an event it could not fold; an operator must resume it.`,
      );
    return new ViewUnavailableError(
      'view-behind',
      this.host.isCaughtUp
        ? `The ${view} view did not reach position ${position} within ${this.settings.waitForPositionMs} ms; try again in a moment.`
        : 'The views are still catching up with the store; try again in a moment.',
    );
  }
}
