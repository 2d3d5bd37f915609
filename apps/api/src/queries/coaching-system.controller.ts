import { Controller, Get, Query as QueryString, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { DomainError } from '@coachline/domain';
import {
  coachingSystemProjection,
  coachingSystemTable,
  CoachingSystemView,
  leadershipCoachingSystem,
  LeadershipCoachingSystemView,
} from '@coachline/projections';
import * as E from 'fp-ts/Either';
import { Guards } from '../auth/route-access';
import { refusal } from '../http/api-error';
import { actorOf, type ApiRequest } from '../http/api-request';
import { AnswersCsv } from '../http/csv-answer';
import { ReadReplayedView } from './read-replayed-view';
import { paramsOf } from './view.controller';

/**
 * `GET /coaching-system`: each community's district coaching system (`004`), to administrators and supervisors in
 * full (its components as written, the approval, sharings, which coaches reviewed it, the installation checklist and
 * the trainings' feedback), to leadership reduced to how complete the checklist is and the feedback's means. JSON,
 * or CSV a row per line of the system.
 */
@Controller()
export class CoachingSystemController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('coaching-system')
  @Guards(() => ({ kind: 'view', view: 'coaching-system' }))
  @AnswersCsv<CoachingSystemView | LeadershipCoachingSystemView>('coaching-system', coachingSystemTable)
  async coachingSystem(
    @QueryString() query: unknown,
    @Req() request: ApiRequest,
  ): Promise<CoachingSystemView | LeadershipCoachingSystemView> {
    const params = paramsOf('coaching-system', request, query);
    const read: E.Either<DomainError, unknown> = await this.queryBus.execute(
      new ReadReplayedView(coachingSystemProjection, params),
    );
    if (E.isLeft(read)) throw refusal(read.left);
    const view = read.right as CoachingSystemView;
    // Leadership gets the reduced form, whatever else the request asks for.
    return actorOf(request).role === 'leadership' ? leadershipCoachingSystem(view) : view;
  }
}
