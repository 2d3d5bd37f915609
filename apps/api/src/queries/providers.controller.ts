import { Controller, Get, Query as QueryString, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, invalid, unstorableText } from '@coachline/domain';
import { CaseloadList, caseloadTable } from '@coachline/projections';
import * as E from 'fp-ts/Either';
import { Guards } from '../auth/route-access';
import { refusal } from '../http/api-error';
import { actorOf, type ApiRequest, scopeOf } from '../http/api-request';
import { AnswersCsv } from '../http/csv-answer';
import { withoutScores } from '../policy/redact-scores';
import { ReadCaseload } from './read-caseload';
import { decodeViewParams } from './view-params';

/**
 * `GET /providers`: the caseload list, one row per provider within the reader's reach. The
 * routes of one provider (`/providers/:id/...`) have a segment more and never meet this one.
 */
@Controller()
export class ProvidersController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('providers')
  @Guards(() => ({ kind: 'view', view: 'caseload' }))
  @AnswersCsv<CaseloadList>('caseload', caseloadTable)
  async caseload(@QueryString() query: unknown, @Req() request: ApiRequest): Promise<CaseloadList> {
    const decoded = decodeViewParams('caseload', query, request.headers);
    const unfit = unstorableText(query, 'query');
    if (unfit.length > 0 || E.isLeft(decoded)) {
      const errors = [...unfit, ...(E.isLeft(decoded) ? decoded.left.errors : [])];
      throw refusal(invalid('invalid', `The request is invalid: ${errors.map((e) => e.path).join(', ')}`, errors));
    }
    const actor = actorOf(request);
    const read: E.Either<DomainError, CaseloadList> = await this.queryBus.execute(
      new ReadCaseload(decoded.right, actor, scopeOf(request)),
    );
    if (E.isLeft(read)) throw refusal(read.left);
    // The list holds no observation score; this is the last line that keeps rule 5 whatever it comes to carry.
    return actor.role === 'provider' ? (withoutScores(read.right) as CaseloadList) : read.right;
  }
}
