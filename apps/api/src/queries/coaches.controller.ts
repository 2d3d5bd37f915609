import { Controller, Get, Query as QueryString, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { DomainError } from '@coachline/domain';
import {
  coachesProjection,
  CoachesView,
  implementationPlanProjection,
  ImplementationPlanView,
} from '@coachline/projections';
import * as E from 'fp-ts/Either';
import { Guards } from '../auth/route-access';
import { refusal } from '../http/api-error';
import type { ApiRequest } from '../http/api-request';
import { AnswersCsv } from '../http/csv-answer';
import { ReadReplayedView } from './read-replayed-view';
import { paramsOf } from './view.controller';

/** The views of the coaching program itself rather than of its providers' work, read by those who run it. */
@Controller()
export class CoachesController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * `GET /coaches`: each coach with their qualifications and who verified them, for the
   * administrators and supervisors who verify them; JSON, or CSV from the view's table.
   */
  @Get('coaches')
  @Guards(() => ({ kind: 'view', view: 'coaches' }))
  @AnswersCsv<CoachesView>('coaches', coachesProjection.table)
  async coaches(@QueryString() query: unknown, @Req() request: ApiRequest): Promise<CoachesView> {
    const params = paramsOf('coaches', request, query);
    return this.read<CoachesView>(new ReadReplayedView(coachesProjection, params));
  }

  /**
   * `GET /implementation-plan`: each community's Coaching Implementation Plan, step by step, and
   * how complete it is; JSON, or CSV a row per planning question.
   */
  @Get('implementation-plan')
  @Guards(() => ({ kind: 'view', view: 'implementation-plan' }))
  @AnswersCsv<ImplementationPlanView>('implementation-plan', implementationPlanProjection.table)
  async implementationPlan(@QueryString() query: unknown, @Req() request: ApiRequest): Promise<ImplementationPlanView> {
    const params = paramsOf('implementation-plan', request, query);
    return this.read<ImplementationPlanView>(new ReadReplayedView(implementationPlanProjection, params));
  }

  private async read<View>(query: ReadReplayedView): Promise<View> {
    const read: E.Either<DomainError, unknown> = await this.queryBus.execute(query);
    if (E.isLeft(read)) throw refusal(read.left);
    return read.right as View;
  }
}
