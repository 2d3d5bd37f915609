import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type DomainError, notFound } from '@coachline/domain';
import type { EventStore } from '@coachline/eventstore';
import {
  AnyProjection,
  cyclesProjection,
  dosageProjection,
  LeadershipReport,
  ProgramReport,
  programReport,
  recordingLagProjection,
  type ReportViews,
  timelineProjection,
} from '@coachline/projections';
import { viewFromStore } from '@coachline/views';
import * as E from 'fp-ts/Either';
import { API_SETTINGS, type ApiSettings, CLOCK, type Clock, EVENT_STORE } from '../app/injection-tokens';
import { ProjectionHost } from './projection-host';
import type { ViewParams } from './view-params';
import { readingReaches } from './views-at-position';
import { workingAsOf } from './working-clock';

/** The report's codecs, full and reduced, for the API's document. */
export { LeadershipReport, ProgramReport };

/** A read of a community's program report for a month (`GET /reports/program`). */
export class ReadProgramReport extends Query<E.Either<DomainError, ProgramReport>> {
  constructor(readonly params: ViewParams & { readonly communityId: string; readonly month: string }) {
    super();
  }
}

const SOURCES: ReadonlyArray<AnyProjection> = [
  dosageProjection,
  timelineProjection,
  cyclesProjection,
  recordingLagProjection,
];
const FOLDED = SOURCES.map((projection) => projection.name);

/**
 * The program report on the server's clock unless the reader names a moment: the dosage,
 * timeline, cycles and recording-lag views as of that one moment, each from the kept view when it
 * has not passed it, else replayed from the store.
 */
@QueryHandler(ReadProgramReport)
export class ReadProgramReportHandler implements IQueryHandler<ReadProgramReport> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly host: ProjectionHost,
  ) {}

  async execute({ params }: ReadProgramReport): Promise<E.Either<DomainError, ProgramReport>> {
    const through = params.throughPosition;
    const position = params.waitForPosition ?? 0;
    const reached = await readingReaches(
      this.host,
      this.store,
      { names: FOLDED, called: "The report's views" },
      params,
      this.settings.waitForPositionMs,
    );
    if (E.isLeft(reached)) return reached;

    // Through a position, each view is measured as of the latest recordedAt of the events it folds.
    const moment = through !== undefined ? { through } : { asOf: workingAsOf(params.asOf, this.clock()) };
    const [dosage, timeline, cycles, lag] = await Promise.all([
      this.rendered<ReportViews['dosage']>(dosageProjection, position, moment),
      this.rendered<ReportViews['timeline']>(timelineProjection, position, moment),
      this.rendered<ReportViews['cycles']>(cyclesProjection, position, moment),
      this.rendered<ReportViews['lag']>(recordingLagProjection, position, moment),
    ]);
    if (!timeline.communities.some((community) => community.communityId === params.communityId)) {
      const message = `No community of this id is registered as of ${timeline.asOf}.`;
      return E.left(notFound('unknown-community', message, [{ path: 'query.communityId', message }]));
    }
    return E.right(programReport({ dosage, timeline, cycles, lag }, params.communityId, params.month));
  }

  /**
   * A whole view as of `asOf`: the kept one when it has not passed that moment, else replayed; or
   * replayed from the events up to a position.
   */
  private async rendered<View>(
    projection: AnyProjection,
    position: number,
    moment: { readonly asOf: string } | { readonly through: number },
  ): Promise<View> {
    if ('asOf' in moment && this.host.rendersAt(projection.name, moment.asOf))
      return this.host.view<View>(projection.name, {}, position, moment.asOf);
    return viewFromStore<View>(
      this.store,
      projection,
      'asOf' in moment ? { asOf: moment.asOf } : { untilPosition: moment.through },
    );
  }
}
