import { Controller, Get, Inject, Query as QueryString, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { invalid, unstorableText } from '@coachline/domain';
import { accessLogTable } from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import { listingSpan } from '../access-log/access-log-filter';
import { CLOCK, type Clock } from '../app/injection-tokens';
import { Guards } from '../auth/route-access';
import type { ApiRequest } from '../http/api-request';
import { refusal } from '../http/api-error';
import { AnswersCsv } from '../http/csv-answer';
import { AccessLogListing, ReadAccessLog } from './read-access-log';
import { decodeViewParams } from './view-params';

const refuseSpan = (message: string) =>
  refusal(invalid('invalid', `The access-log query is invalid: ${message}`, [{ path: 'query.from', message }]));

/**
 * Who read the history, the evaluation and providers' observation records, and when: for auditors.
 * One day (`?day=`, default today) or a span of days (`?from=&to=`), narrowed by `reader`,
 * `subject` (a provider, community or stream) and `view`.
 */
@Controller('access-log')
export class AccessLogController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AnswersCsv('access-log', (answer: Pick<AccessLogListing, 'reads'>) => accessLogTable(answer.reads))
  @Guards(() => ({ kind: 'view', view: 'access-log' }))
  async read(@QueryString() query: unknown, @Req() request: ApiRequest): Promise<unknown> {
    const unfit = unstorableText(query, 'query');
    if (unfit.length > 0)
      throw refusal(
        invalid('invalid', `The access-log query is invalid: ${unfit.map((e) => e.path).join(', ')}`, unfit),
      );
    const params = decodeViewParams('access-log', query, request.headers);
    if (E.isLeft(params)) throw refusal(params.left);
    const { day, from, to, reader, subject, view } = params.right;
    const filter = {
      ...(reader !== undefined ? { reader } : {}),
      ...(subject !== undefined ? { subject } : {}),
      ...(view !== undefined ? { view } : {}),
    };
    // The same rule as `coachline access-log`: one day (default today) or a span of at most a month.
    const asked = listingSpan({ day, from, to }, this.clock().toISOString().slice(0, 10));
    if ('refused' in asked) throw refuseSpan(asked.refused);
    if ('day' in asked.span) {
      const listing: AccessLogListing = await this.queryBus.execute(
        new ReadAccessLog(asked.span.day, asked.span.day, filter),
      );
      return { day: asked.span.day, reads: listing.reads };
    }
    return this.queryBus.execute(new ReadAccessLog(asked.span.from, asked.span.to, filter));
  }
}
