import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type Actor, DomainError, forbidden } from '@coachline/domain';
import type { EventStore } from '@coachline/eventstore';
import {
  CaseloadList,
  caseloadList,
  DosageView,
  dosageProjection,
  TimelineView,
  timelineProjection,
} from '@coachline/projections';
import { viewFromStore } from '@coachline/views';
import * as E from 'fp-ts/Either';
import { API_SETTINGS, type ApiSettings, CLOCK, type Clock, EVENT_STORE } from '../app/injection-tokens';
import { CaseloadsView, caseloadsProjection } from '../policy/caseloads.projection';
import type { Scope } from '../policy/grants';
import { reachOf } from '../policy/reach';
import { ProjectionHost } from './projection-host';
import type { ViewParams } from './view-params';
import { readingReaches } from './views-at-position';
import { workingAsOf } from './working-clock';

/** The list's codec, for the API's document. */
export { CaseloadList };

/** A read of the caseload list (`GET /providers`). */
export class ReadCaseload extends Query<E.Either<DomainError, CaseloadList>> {
  constructor(
    readonly params: ViewParams,
    readonly actor: Actor,
    readonly scope: Scope,
  ) {
    super();
  }
}

const FOLDED = [dosageProjection.name, timelineProjection.name, caseloadsProjection.name];

/**
 * The caseload list on the server's clock unless the reader names a moment: the dosage and the
 * timeline rendered whole as of that one moment (from the kept views when they have not passed
 * it, else replayed), joined, then cut to the reader's reach. The list is made before it is cut,
 * since a narrowed timeline has no program years to end "this month" with.
 */
@QueryHandler(ReadCaseload)
export class ReadCaseloadHandler implements IQueryHandler<ReadCaseload> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly host: ProjectionHost,
  ) {}

  async execute({ params, actor, scope }: ReadCaseload): Promise<E.Either<DomainError, CaseloadList>> {
    const through = params.throughPosition;
    const position = params.waitForPosition ?? 0;
    const reached = await readingReaches(
      this.host,
      this.store,
      { names: FOLDED, called: "The caseload's views" },
      params,
      this.settings.waitForPositionMs,
    );
    if (E.isLeft(reached)) return reached;

    const reach = reachOf(actor, scope, () => this.host.currentView<CaseloadsView>(caseloadsProjection.name));
    // A coach reads their own caseload; naming another coach asks for someone else's.
    if (reach && params.coachId !== undefined && params.coachId !== reach.coachId) {
      const message = `Coach ${params.coachId} is not within the reach of ${actor.id}.`;
      return E.left(forbidden('outside-caseload', message, [{ path: 'query.coachId', message }]));
    }
    // Through a position, both views are measured as of the latest recordedAt of the events they fold.
    const moment = through !== undefined ? { through } : { asOf: workingAsOf(params.asOf, this.clock()) };
    const [dosage, timeline] = await Promise.all([
      this.rendered<DosageView>(dosageProjection.name, {}, position, moment),
      this.rendered<TimelineView>(
        timelineProjection.name,
        params.communityId !== undefined ? { communityId: params.communityId } : {},
        position,
        moment,
      ),
    ]);
    const list = caseloadList(dosage, timeline, {
      ...(params.coachId !== undefined ? { coachId: params.coachId } : {}),
      ...(params.communityId !== undefined ? { communityId: params.communityId } : {}),
    });
    return E.right(
      reach ? { ...list, providers: list.providers.filter((p) => reach.providers.has(p.providerId)) } : list,
    );
  }

  /**
   * A view as of `asOf`: the kept one when it has not passed that moment, else replayed from the
   * store; or replayed from the events up to a position.
   */
  private async rendered<View>(
    name: string,
    selection: { communityId?: string },
    position: number,
    moment: { readonly asOf: string } | { readonly through: number },
  ): Promise<View> {
    if ('asOf' in moment && this.host.rendersAt(name, moment.asOf))
      return this.host.view<View>(name, selection, position, moment.asOf);
    return viewFromStore<View>(this.store, name === dosageProjection.name ? dosageProjection : timelineProjection, {
      ...selection,
      ...('asOf' in moment ? { asOf: moment.asOf } : { untilPosition: moment.through }),
    });
  }
}
