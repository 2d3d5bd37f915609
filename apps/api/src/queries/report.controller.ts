import { Controller, Get, Query as QueryString, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, invalid, unstorableText } from '@coachline/domain';
import {
  LeadershipReport,
  leadershipReport,
  ProgramReport,
  programReportHtml,
  programReportTables,
} from '@coachline/projections';
import type { Response } from 'express';
import * as E from 'fp-ts/Either';
import { Guards } from '../auth/route-access';
import { refusal } from '../http/api-error';
import { actorOf, type ApiRequest } from '../http/api-request';
import { AnswersCsv } from '../http/csv-answer';
import { ReadProgramReport } from './read-program-report';
import { decodeViewParams } from './view-params';

const HTML_TYPE = 'text/html';

/**
 * `GET /reports/program`: a community's program report for a month, to administrators and
 * supervisors in full, to leadership reduced to counts and durations (rule 10). A coach is not
 * granted it: their own figures are in the caseload and due lists. JSON by default, CSV or a
 * printable page when the reader asks for it.
 */
@Controller()
export class ReportController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('reports/program')
  @Guards(() => ({ kind: 'view', view: 'report' }))
  @AnswersCsv<ProgramReport | LeadershipReport>('program-report', (report) => programReportTables(report))
  async program(
    @QueryString() query: unknown,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProgramReport | LeadershipReport | string> {
    const decoded = decodeViewParams('report', query, request.headers);
    const unfit = unstorableText(query, 'query');
    if (unfit.length > 0 || E.isLeft(decoded)) {
      const errors = [...unfit, ...(E.isLeft(decoded) ? decoded.left.errors : [])];
      throw refusal(invalid('invalid', `The request is invalid: ${errors.map((e) => e.path).join(', ')}`, errors));
    }
    const { communityId, month } = decoded.right;
    const read: E.Either<DomainError, ProgramReport> = await this.queryBus.execute(
      // Both are required by the report's profile: decoding refused the request without them.
      new ReadProgramReport({ ...decoded.right, communityId: communityId!, month: month! }),
    );
    if (E.isLeft(read)) throw refusal(read.left);
    // Leadership gets the reduced form, whatever else the request asks for.
    const report = actorOf(request).role === 'leadership' ? leadershipReport(read.right) : read.right;
    if (request.accepts(['application/json', 'text/csv', HTML_TYPE]) === HTML_TYPE) {
      response.vary('Accept');
      response.setHeader('Content-Type', `${HTML_TYPE}; charset=utf-8`);
      // The page is built from escaped text alone and runs nothing.
      response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      return programReportHtml(report);
    }
    return report;
  }
}
