import { Controller, Get, Query as QueryString, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { DomainError } from '@coachline/domain';
import { coachesProjection, CoachesView } from '@coachline/projections';
import * as E from 'fp-ts/Either';
import { Guards } from '../auth/route-access';
import { refusal } from '../http/api-error';
import type { ApiRequest } from '../http/api-request';
import { AnswersCsv } from '../http/csv-answer';
import { ReadCoaches } from './read-coaches';
import { paramsOf } from './view.controller';

/**
 * `GET /coaches`: each coach with their qualifications and who verified them, for the
 * administrators and supervisors who verify them; JSON, or CSV from the view's table.
 */
@Controller()
export class CoachesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('coaches')
  @Guards(() => ({ kind: 'view', view: 'coaches' }))
  @AnswersCsv<CoachesView>('coaches', coachesProjection.table)
  async coaches(@QueryString() query: unknown, @Req() request: ApiRequest): Promise<CoachesView> {
    const read: E.Either<DomainError, CoachesView> = await this.queryBus.execute(
      new ReadCoaches(paramsOf('coaches', request, query)),
    );
    if (E.isLeft(read)) throw refusal(read.left);
    return read.right;
  }
}
