import { Controller, Get, Query as QueryString, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { forbidden } from '@coachline/domain';
import {
  DueFilter,
  DueList,
  dueList,
  dueStatusesOf,
  dueTable,
  dueWithinOf,
  type TimelineView,
} from '@coachline/projections';
import { Guards } from '../auth/route-access';
import { refusal } from '../http/api-error';
import { actorOf, type ApiRequest, scopeOf } from '../http/api-request';
import { AnswersCsv } from '../http/csv-answer';
import { ReadView } from './read-view.query';
import { answer, paramsOf } from './view.controller';
import type { ViewParams } from './view-params';

/** The rows a reader asks for, read from the decoded parameters. */
const filterOf = (params: ViewParams): DueFilter => ({
  ...(params.coachId !== undefined ? { coachId: params.coachId } : {}),
  ...(params.communityId !== undefined ? { communityId: params.communityId } : {}),
  ...(params.providerId !== undefined ? { providerId: params.providerId } : {}),
  ...(params.status !== undefined ? { statuses: dueStatusesOf(params.status) } : {}),
  ...(params.requirement !== undefined ? { requirement: params.requirement } : {}),
  ...(params.within !== undefined ? { withinDays: dueWithinOf(params.within) } : {}),
});

/**
 * `GET /due`: what the providers within the reader's reach still have to do, most urgent first,
 * from the timeline as the reader may see it — measured on today by the server's clock unless
 * the reader names a moment.
 */
@Controller()
export class DueController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('due')
  @Guards(() => ({ kind: 'view', view: 'due' }))
  @AnswersCsv<DueList>('due', dueTable)
  async due(@QueryString() query: unknown, @Req() request: ApiRequest): Promise<DueList> {
    const params = paramsOf('due', request, query);
    const actor = actorOf(request);
    // A coach reads their own caseload: naming another coach asks for someone else's.
    if (scopeOf(request) === 'caseload' && params.coachId !== undefined && params.coachId !== actor.id) {
      const message = `Coach ${params.coachId} is not within the reach of ${actor.id}.`;
      throw refusal(forbidden('outside-caseload', message, [{ path: 'query.coachId', message }]));
    }
    const timeline = answer(
      await this.queryBus.execute(
        new ReadView(
          'timeline',
          {
            ...(params.asOf !== undefined ? { asOf: params.asOf } : {}),
            ...(params.providerId !== undefined ? { providerId: params.providerId } : {}),
            ...(params.communityId !== undefined ? { communityId: params.communityId } : {}),
            ...(params.waitForPosition !== undefined ? { waitForPosition: params.waitForPosition } : {}),
            ...(params.throughPosition !== undefined ? { throughPosition: params.throughPosition } : {}),
          },
          actor,
          scopeOf(request),
          request.id,
        ),
      ),
    ) as TimelineView;
    return dueList(timeline, filterOf(params));
  }
}
